"""Labelled questions for the question-content rules (LT101-LT104).

Each rule gets questions that must pass (good ones, with hard negatives that
share words with the failure) and questions that must be flagged (bad ones),
written for this test in varied domains and wordings. The whole set is
linted once per rule through the real loader and linter, and each question
is checked by id.
"""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from looptool.lint.config import Settings
from looptool.lint.linter import LintOptions, lint

TODAY = dt.date(2026, 11, 24)
RECENT = "2026-09-15"


def q(id, type, prompt, *, title=None, **fields):
    base = {"id": id, "title": title or id.replace("-", " "), "type": type, "levels": ["senior"],
            "skills": ["algorithms"], "stage": "probe", "duration_minutes": 60, "prompt": prompt,
            "signal": "Reasons from the constraints to a design and says how to check it works.",
            "last_reviewed": RECENT}
    return {**base, **fields}


# -- LT101 stale-problem ------------------------------------------------------------

STALE_GOOD = [
    # an undated question is not stale by default (require-review-date is off)
    q("no-review-date", "coding", "Find the longest palindromic substring.", last_reviewed=None),
    q("docs-agent", "ml-system-design",
      "Developers ask our support bot about our payments API. Design the assistant: the model can call tools "
      "(a search over the docs, the status page, the caller's recent API errors) and decides which to call."),
    q("clause-agent-eval", "ml-system-design",
      "Our contract assistant answers lawyers' questions by calling a clause-search tool and a precedent "
      "lookup. Lawyers say it misses clauses hidden in schedules. How would you find out why and fix it?"),
    q("ticket-llm-baseline", "ml-system-design",
      "Support tickets must reach one of 25 queues. Start from a prompted small LLM, measure it on 1,000 "
      "labelled tickets, and decide whether distilling it into a fine-tuned classifier pays off."),
    q("queue-routing-compare", "ml-system-design",
      "Compare a zero-shot language model with logistic regression on TF-IDF features for routing bug "
      "reports to 14 teams, on cost per 1,000 reports, latency and per-team recall."),
    q("card-fraud", "ml-system-design",
      "Card fraud costs our bank 40 million a year. Design real-time detection for 9 million card "
      "transactions a day: labels from chargebacks, feature engineering over merchant descriptions and "
      "velocity, a gradient-boosted classifier, and the decision threshold."),
    q("feed-ranking", "ml-system-design",
      "Design the ranking of posts in a community app's home feed using user and post embeddings from a "
      "two-tower model and a gradient-boosted re-ranker, and say what you would optimise."),
    q("hybrid-article-search", "system-design",
      "Design search over 2 million help-centre articles in 12 languages combining BM25 with a "
      "sentence-transformer encoder, with p95 latency under 150 ms."),
    q("offline-phrasebook", "ml-system-design",
      "Hikers want translation between 6 languages on phones with no signal. Make it work offline within a "
      "150 MB download per language pair."),
    q("rnn-gradients-quiz", "math-quiz",
      "Explain why a vanilla RNN's gradients vanish over long sequences and how an LSTM's gating changes "
      "that. Then derive the gradient of the forget gate."),
    q("live-speech-translation", "ml-system-design",
      "Design live speech translation for conference talks with a streaming RNN-T recogniser feeding a "
      "translation model, under two seconds of delay."),
    q("catalogue-images", "ml-system-design",
      "Sellers upload poor product photos. Design a feature that generates clean studio-style product "
      "images with a diffusion model, and say how you would stop it inventing product details."),
    q("solder-defects", "ml-system-design",
      "Detect defective solder joints in 256x256 inspection crops: fine-tune a pretrained CNN, handle 2% "
      "defects, and set the operating point with the line engineers."),
    q("banking-assistant", "ml-system-design",
      "Design a banking assistant where an LLM calls tools for balances and transfers, with an intent "
      "classifier as a cheap guard for out-of-scope requests."),
    q("car-voice-commands", "ml-system-design",
      "Drivers control our car's media by voice. Design on-device recognition of 40 commands with intent "
      "classification and slot filling that keeps working in tunnels without a network."),
    q("redesign-rag-bot", "ml-system-design",
      "Our current RAG bot gives outdated answers about pricing, and sales staff have stopped trusting it. "
      "What would you change?"),
    q("duplicate-bug-reports", "ml-system-design",
      "Testers file the same bug many times. Find likely duplicates among 300,000 bug reports so triagers "
      "can merge them, and decide how to show suggestions."),
    q("item2vec-recs", "ml-system-design",
      "Design similar-product recommendations from co-purchase sessions with item2vec, a word2vec-style "
      "model over baskets, and compare it with the current best-seller list."),
    q("gan-objective", "math-quiz",
      "Derive the optimal discriminator of the original GAN objective and explain mode collapse."),
    q("triage-notes-onprem", "ml-system-design",
      "Flag under-triaged patients from nurses' notes. Notes may not leave the hospital: no external APIs, "
      "CPU-only, at most 70 million parameters. Design the text classifier and fine-tuning plan."),
    q("rag-eval-suite", "ml-system-design",
      "Design an evaluation suite for our retrieval-augmented legal assistant that catches wrong citations "
      "before each release."),
    # written after the rules, then run before any tuning
    q("b-s-g1", "ml-system-design",
      "Sales reps waste hours finding the right case study for a prospect. Build something that helps; "
      "it may search our CRM, the case-study library and past proposals, choosing what to look up as "
      "the conversation goes."),
    q("b-s-g2", "ml-system-design",
      "Our moderation queue for a dating app has 2 days of backlog. Reduce harm to users: decide what "
      "to auto-action, what to send to humans, and what a prompted model versus a fine-tuned small "
      "model should handle."),
    q("b-s-g3", "system-design",
      "Design the vector index service that our agents call as a fuzzy_lookup tool: 300 million "
      "embeddings, 5,000 queries a second, p99 under 50 ms."),
    q("b-s-g4", "ml-system-design",
      "Patients send portal messages that nurses must triage by urgency. Design the triage aid; "
      "messages cannot leave our data centre and the GPU budget is one A10."),
    q("b-s-g5", "ml-system-design",
      "Our churn model uses gradient-boosted trees over account features. Design its retraining and "
      "monitoring so it survives pricing changes."),
    q("b-s-g6", "ml-system-design",
      "Design spam filtering for SMS at a telecom: 2 billion messages a day, a 5 ms budget per message,"
      " and regulators who audit every block."),
    q("b-s-g7", "coding",
      "Implement the Viterbi algorithm for a hidden Markov model part-of-speech tagger given transition"
      " and emission tables.", duration_minutes=45),
    q("b-s-g8", "ml-system-design",
      "Translators at our publisher post-edit machine translations of novels. Design a system that "
      "learns each translator's style and measures whether it saves them time."),
    q("b-s-g9", "ml-system-design",
      "A museum wants visitors to ask questions about exhibits by voice. Design it, including how "
      "answers stay grounded in curator-approved text."),
    q("b-s-g10", "math-quiz",
      "What does TF-IDF weight, why does the log in IDF matter, and when would BM25 rank differently?"),
    q("b-s-g11", "ml-system-design",
      "Design a long-document question answering system for 300-page regulatory filings; compare "
      "putting the whole filing in a long-context model with retrieving sections."),
    q("b-s-g12", "system-design",
      "Design an image similarity search for a stock-photo site with 400 million images using CLIP "
      "embeddings."),
    q("c-s-g1", "ml-system-design",
      "Our enterprise search returns stale policy PDFs first. Employees need the current answer. Design"
      " the fix, including how an assistant would decide between keyword search, semantic search and "
      "asking a clarifying question."),
    q("c-s-g2", "system-design",
      "Design a document ingestion service that splits PDFs into chunks, extracts tables and stores "
      "them for several downstream consumers, at 2 million pages a day."),
    q("c-s-g3", "ml-system-design",
      "A hospital wants to spot adverse drug events mentioned in clinical notes. Compare rules, a fine-"
      "tuned clinical BERT and a prompted LLM under a strict privacy constraint."),
    q("c-s-g4", "ml-system-design",
      "Design the evaluation for a text classifier that routes emergency calls' transcripts to police, "
      "fire or ambulance, where a miss can cost a life."),
    q("c-s-g5", "ml-system-design",
      "Job seekers complain that recommended jobs are irrelevant. Design a better matching system "
      "between resumes and job postings."),
    q("c-s-g6", "coding",
      "Implement TF-IDF scoring and return the top 10 documents for a query over an in-memory corpus.",
      duration_minutes=45),
    q("c-s-g7", "ml-system-design",
      "Design a coding assistant that answers questions about a 5-million-line monorepo; it can grep, "
      "read files and run tests as tools."),
    q("c-s-g8", "data-modeling",
      "The notebook trains an LSTM to forecast hourly electricity load. Improve it and explain each "
      "change."),
    q("c-s-g9", "ml-system-design",
      "Build a system that writes alt text for images on a news site, with editors approving each one."),
    q("c-s-g10", "ml-system-design",
      "Design a plagiarism checker for student code submissions across 300 universities."),
]

STALE_BAD = [
    q("insurance-rag", "ml-system-design",
      "Design a retrieval-augmented chatbot for our insurance policy documents. Cover how you split documents "
      "into chunks, which embedding model you use, and how you scale the vector database to 50 million chunks."),
    q("wiki-rag-pipeline", "system-design",
      "We want a Q&A bot over our internal wiki. Design the RAG pipeline end to end: ingestion, chunking "
      "strategy, vector index and prompt construction."),
    q("tweet-classifier", "ml-system-design",
      "Build a system that classifies customer tweets into complaint, praise, question or spam. Describe "
      "your TF-IDF and n-gram features and the classifier you would train."),
    q("forum-moderation", "ml-system-design",
      "Design content moderation for forum posts: compute BERT embeddings for each post and train a "
      "logistic regression classifier to detect hate speech."),
    q("listing-translation", "ml-system-design",
      "Design a machine translation service for our marketplace listings from English to Spanish using a "
      "sequence-to-sequence LSTM with attention."),
    q("gru-reply-generator", "coding",
      "Implement a GRU encoder-decoder in PyTorch that generates short replies to customer chat messages.",
      duration_minutes=45),
    q("glove-duplicate-questions", "ml-system-design",
      "Design a duplicate-question detector for our Q&A site: represent each question by averaging its "
      "GloVe word vectors and find nearest neighbours by cosine similarity."),
    q("doorbell-faces", "ml-system-design",
      "Design face detection for our video doorbell service using Haar cascades and a Viola-Jones detector, "
      "and say how you would cut false alarms from passing cars."),
    q("airline-bot", "system-design",
      "Design an airline booking chatbot: intent detection for booking, cancelling and baggage questions, "
      "slot filling for dates and cities, and dialogue state tracking."),
    q("selfie-avatars", "ml-system-design",
      "Design an avatar generation feature for our social app using a GAN trained on user selfies."),
    q("expense-codes", "ml-system-design",
      "Design a system that categorises expense report descriptions into 40 accounting codes using word2vec "
      "embeddings and an SVM classifier."),
    q("recipe-search", "ml-system-design",
      "Design semantic search for our recipe site using fastText vectors averaged over each recipe's "
      "ingredients and steps."),
    q("hr-slack-rag", "ml-system-design",
      "Employees ask HR questions in Slack. Design a retrieval-augmented generation bot: choose a vector "
      "database, a chunk size and the number of chunks to put in the context window."),
    q("old-review-date", "coding",
      "Merge k sorted lists of timestamps into one.", last_reviewed="2025-06-30"),
    # written after the rules, then run before any tuning
    q("b-s-b1", "ml-system-design",
      "Design a chatbot that answers questions about our 10,000-page product manual using retrieval-"
      "augmented generation. Discuss how to chunk the manual and how to store the chunks in a vector "
      "database."),
    q("b-s-b2", "ml-system-design",
      "Design a system to detect toxic comments on our gaming forum. Train a classifier on word "
      "embeddings of the comments and discuss class imbalance."),
    q("b-s-b3", "ml-system-design",
      "We want to auto-categorise news articles into 20 sections. Design the pipeline: preprocessing, "
      "bag-of-words features, TF-IDF weighting and a naive Bayes classifier."),
    q("b-s-b4", "system-design",
      "Design the retrieval layer of our RAG system: how documents are chunked, embedded and indexed, "
      "and how the top-k chunks are selected for the prompt."),
    q("b-s-b5", "ml-system-design",
      "Design a summarisation service for meeting transcripts built on a bidirectional LSTM encoder and"
      " an LSTM decoder with attention."),
    q("b-s-b6", "ml-system-design",
      "Customer reviews must be labelled positive, neutral or negative. Design a sentiment model: fine-"
      "tune BERT on 50,000 labelled reviews and serve it."),
    q("b-s-b7", "ml-system-design",
      "Design a legal-document similarity search: train doc2vec on our 2 million court opinions and "
      "find the most similar opinions for a query."),
    q("b-s-b8", "ml-system-design",
      "Design an intent-based virtual assistant for a telecom's customer care: an intent recognition "
      "model, slot filling and dialogue flows for the 50 most common requests."),
    q("b-s-b9", "ml-system-design",
      "Design a pedestrian detection system for CCTV footage using HOG features and a linear SVM."),
    q("b-s-b10", "ml-system-design",
      "Design a system that generates synthetic face images for training data using a StyleGAN-type "
      "generative adversarial network."),
    q("c-s-b1", "ml-system-design",
      "Design a RAG-based assistant for our field engineers. Explain your chunking approach, embedding "
      "model choice, vector store and how many retrieved passages you put in the prompt."),
    q("c-s-b2", "ml-system-design",
      "Design a product-review spam detector using TF-IDF vectors and a random forest classifier."),
    q("c-s-b3", "ml-system-design",
      "Design a system that tags support chats with one of 60 topics: embed each chat with a sentence-"
      "transformer model and train an MLP classifier on the embeddings."),
    q("c-s-b4", "coding",
      "Implement a character-level RNN in PyTorch that translates dates from 'March 3rd, 2021' to "
      "'2021-03-03'.", duration_minutes=45),
    q("c-s-b5", "ml-system-design",
      "Design a semantic search engine for a patent database where each patent is represented by the "
      "mean of its word2vec embeddings."),
]

# -- LT102 rederive-from-scratch ---------------------------------------------------

REDERIVE_GOOD = [
    q("url-shortener", "system-design",
      "Design a URL shortener that creates 200 million links a month and serves 20,000 redirects a second."),
    q("lru", "coding", "Implement an LRU cache with O(1) get and put.", duration_minutes=45),
    q("cache-with-ch", "system-design",
      "Design a distributed cache for product pages. You may use consistent hashing for placement; focus on "
      "hot keys, failover and warm-up after a deploy."),
    q("dedup-deep-dive", "project-deep-dive",
      "Tell us about a pipeline you built that removed near-duplicate documents from a large web corpus."),
    q("exact-topk", "coding",
      "Return the k most frequent ids in a stream of 50 million events using a hash map and a heap.",
      duration_minutes=45),
    q("rate-limiter", "system-design", "Design a rate limiter for 10,000 API clients across four regions."),
    q("bloom-sizing-quiz", "math-quiz",
      "Explain how a Bloom filter trades memory for false positives, then size one for 1 billion URLs at a "
      "1% false-positive rate."),
    q("bloom-explained", "coding",
      "Implement a Bloom filter. It keeps a bit array of m bits and uses k hash functions; adding an item "
      "sets k bits, and a lookup reports present only if all k bits are set.", duration_minutes=45),
    q("spec-decoding-given", "ml-system-design",
      "Our 34B model is slow for code completion; a 1B drafter shares its tokenizer. The drafter proposes k "
      "tokens, the big model scores them in one pass and accepts each with probability min(1, p/q). "
      "Implement it and decide whether it helps.", method_provided=True, relies_on=["speculative-decoding"]),
    q("chat-serving", "ml-system-design",
      "Design inference serving for a 70B chat model at 2,000 requests a second with p99 time to first "
      "token under 500 ms."),
    q("exact-dau", "system-design",
      "Billing needs the exact number of distinct active devices per customer per month from 2 billion "
      "events a day; counts must be exact."),
    q("crawler-with-bloom", "system-design",
      "Design a web crawler for 1 billion pages a month: politeness, scheduling and storage. You may use a "
      "Bloom filter for the set of seen URLs."),
    q("fisher-yates", "coding", "Shuffle an array of n items uniformly at random in place.",
      duration_minutes=45),
    q("leaderboard", "system-design",
      "Design a leaderboard for 50 million players that answers top-100 and rank-of-player queries."),
    q("kv-with-raft", "system-design",
      "Design a key-value store replicated across three regions; use Raft through etcd for the metadata "
      "and explain what happens when a region is lost."),
    q("backup-exact-dedup", "system-design",
      "Design a system that removes exact duplicate files from our 4 PB backup store by content hash."),
    q("sampled-events", "system-design",
      "Keep a random 1% sample of the 3 billion click events we receive each day for analysts."),
    q("ring-explained", "coding",
      "Implement consistent hashing with virtual nodes: place each server at 100 points on a ring, send a "
      "key to the next point clockwise, then measure how evenly keys spread.", duration_minutes=45),
    q("ad-click-counts", "system-design",
      "Design ad click aggregation for 1 billion clicks a day with exactly-once counts per ad per minute."),
    # written after the rules, then run before any tuning
    q("b-d-g1", "system-design",
      "Design a distributed job scheduler for 50,000 jobs a minute with retries and priorities."),
    q("b-d-g2", "coding",
      "Given a stream of integers, keep the running median with two heaps.", duration_minutes=45),
    q("b-d-g3", "system-design",
      "Design a photo-sharing service's storage for 5 billion photos with deduplication of identical "
      "uploads by SHA-256."),
    q("b-d-g4", "system-design",
      "Design a global counter of likes per post with 1 million writes a second; counts may lag by a "
      "few seconds."),
    q("b-d-g5", "coding",
      "Implement a skip list with insert, delete and search in expected O(log n).", duration_minutes=45),
    q("b-d-g6", "ml-system-design",
      "Our LLM API has p99 latency spikes when long prompts arrive. Design batching and scheduling to "
      "fix it."),
    q("b-d-g7", "system-design",
      "Design sharding for a user database growing from 4 to 40 nodes over two years; explain how you "
      "would rebalance and what you would use."),
    q("b-d-g8", "coding",
      "Implement HyperLogLog given this description: hash each item, use the first b bits to pick one "
      "of m registers, store the maximum count of leading zeros of the rest, and estimate with the "
      "harmonic mean.", duration_minutes=45),
    q("b-d-g9", "system-design", "Design a spell checker for a search box with 100 million queries a day."),
    q("b-d-g10", "coding", "Detect whether a linked list has a cycle.", duration_minutes=45),
    q("b-d-g11", "system-design",
      "Design a metrics system that reports approximate distinct users per page; you may use "
      "HyperLogLog sketches in Redis."),
    q("b-d-g12", "ml-system-design",
      "Design a near-duplicate image detector for a marketplace of 80 million listings; perceptual "
      "hashing and CNN embeddings are both available as libraries, so focus on thresholds, review "
      "workflow and abuse."),
    q("c-d-g1", "system-design",
      "Design a web crawler's duplicate-content handling; assume a similarity-hash library is available"
      " and focus on scheduling and freshness."),
    q("c-d-g2", "system-design",
      "Design a distributed cache for 20 TB of data across 200 nodes with replication and failover."),
    q("c-d-g3", "system-design",
      "Design a real-time analytics dashboard showing page views per minute for 10,000 sites."),
    q("c-d-g4", "coding",
      "Implement a consistent-hashing ring given this spec: hash each server to 64 points, store them "
      "sorted, and binary-search the next point for each key.", duration_minutes=45),
    q("c-d-g5", "system-design",
      "Design a chat system with message ordering per conversation across multiple data centres."),
    q("c-d-g6", "ml-system-design",
      "Design speculative decoding rollout for our serving fleet: the algorithm is already implemented;"
      " decide when to enable it and how to monitor acceptance rates."),
    q("c-d-g7", "coding",
      "Sample an index with probability proportional to its weight using prefix sums and binary search.",
      duration_minutes=45),
    q("c-d-g8", "system-design", "Design leader election for a fleet of cron workers using ZooKeeper."),
    q("c-d-g9", "system-design",
      "Design a URL deduplication step for a crawler frontier holding 2 billion URLs; exact URL matches"
      " after normalisation are what count."),
    q("c-d-g10", "coding",
      "Count the frequency of every word in a 10 GB text file on a machine with 16 GB of RAM.",
      duration_minutes=45),
    # Relabelled good: reservoir sampling, like a Bloom filter or a hash ring, is a textbook
    # structure whose name is its spec, so naming it as the thing to build hands it over.
    q("c-d-b3", "coding",
      "Implement reservoir sampling.", relies_on=["reservoir-sampling"], duration_minutes=45),
]

REDERIVE_BAD = [
    q("essay-plagiarism", "system-design",
      "Design a system that flags plagiarised essays across 200 million student submissions, including "
      "essays with a few sentences reworded."),
    q("pretraining-dedup", "ml-system-design",
      "Design the deduplication stage of our pretraining data pipeline: 5 trillion tokens of web text, with "
      "many documents that are near copies of one another."),
    q("article-visitors", "system-design",
      "Count unique visitors per article per day for a news site with 2 billion page views a day, using no "
      "more than a few kilobytes of memory per article."),
    q("router-flows", "coding",
      "A monitoring agent on each of 100,000 routers must estimate the number of distinct flows per minute "
      "within a fixed 4 KB memory budget. Write the agent's counting code.", duration_minutes=45),
    q("cache-node-churn", "system-design",
      "Design how a distributed cache assigns keys to nodes so that when a node fails or a new one joins, "
      "only about 1/N of the keys need to move."),
    q("trending-queries", "system-design",
      "Report the 100 most frequent search queries every minute from a firehose of 500,000 queries a "
      "second, with a fixed memory budget; approximate counts are fine."),
    q("crawler-seen-urls", "system-design",
      "Our crawler must skip URLs it has already visited. There are 20 billion URLs, memory is limited to "
      "2 GB per node, and a small false-positive rate is acceptable. Design the seen-URL check."),
    q("random-list-node", "coding",
      "Return a uniformly random node from a singly linked list of unknown length in one pass and O(1) "
      "extra memory.", duration_minutes=45),
    q("config-store-agreement", "system-design",
      "Design a replicated configuration store where five servers agree on every update even if two "
      "crash; write the algorithm each server runs."),
    q("ad-sampler", "coding",
      "Draw ads from a categorical distribution over 10 million ads in O(1) per draw after preprocessing.",
      duration_minutes=45),
    q("long-context-attention", "coding",
      "Our attention layer runs out of GPU memory at 64k tokens because the score matrix is N x N. Rewrite "
      "it so memory grows linearly with sequence length while the output stays exactly the same.",
      duration_minutes=45),
    q("chat-latency-draft", "ml-system-design",
      "Our 13B chat model is slow at low load. We also trained a 300M model on the same data. Design a "
      "decoding scheme that uses the small model to cut latency while keeping the output distribution "
      "identical to the 13B model's."),
    q("listing-dups-relies", "system-design",
      "Sellers post the same flat many times with small edits. Find and merge these listings.",
      relies_on=["minhash"]),
    # written after the rules, then run before any tuning
    q("b-d-b1", "system-design",
      "Design a service that finds near-duplicate web pages among the 30 billion pages our search "
      "engine indexes."),
    q("b-d-b2", "coding",
      "Given a stream of billions of user ids and only 1 KB of memory, estimate how many distinct users"
      " there are within 5% error.", duration_minutes=45),
    q("b-d-b3", "system-design",
      "Design a load balancer that maps user sessions to backend servers so that adding or removing a "
      "backend remaps as few sessions as possible."),
    q("b-d-b4", "coding",
      "Pick k random tweets uniformly from a stream of tweets whose length you do not know in advance, "
      "using O(k) memory.", duration_minutes=45),
    q("b-d-b5", "system-design",
      "Find the heavy hitters among 10 million IP addresses per second on a router with 1 MB of memory;"
      " approximate counts are acceptable."),
    q("b-d-b6", "system-design",
      "Design a fault-tolerant lock service: a cluster of machines must agree on which client holds "
      "each lock even when machines crash; design the protocol."),
    q("b-d-b7", "coding",
      "Preprocess a list of n weights so that each weighted random draw takes O(1) time.",
      duration_minutes=45),
    q("b-d-b8", "system-design",
      "Design the dedup step for a dataset of 4 billion scraped product descriptions where many sellers"
      " copy and lightly edit each other's text."),
    q("b-d-b9", "ml-system-design",
      "Our spam check asks: has this exact email body been seen before? 50 billion bodies, 1 GB of RAM,"
      " occasional false positives acceptable. Design it."),
    q("b-d-b10", "system-design",
      "Design a distributed database's replication protocol so that all replicas apply writes in the "
      "same order despite node failures and network partitions.", relies_on=["raft"]),
    q("c-d-b1", "ml-system-design",
      "Our LLM pretraining corpus has 3 trillion tokens scraped from the web. Many documents are "
      "boilerplate-laden copies of each other. Design the near-duplicate removal."),
    q("c-d-b2", "system-design",
      "Design a system that tells each advertiser how many unique users saw their ad in the last 30 "
      "days; there are 5 billion impressions a day and the answer may be approximate."),
    q("c-d-b4", "system-design",
      "Design a storage cluster where disks are added weekly and data must be spread evenly while "
      "moving the minimum amount of data on each addition."),
    q("c-d-b5", "coding",
      "Design a data structure that answers 'have we seen this URL before?' for 10 billion URLs using "
      "about 1 byte per URL; a false positive rate of 1% is acceptable.", duration_minutes=45),
]

# -- LT103 low-signal-ml-coding ----------------------------------------------------

ML_CODING_GOOD = [
    q("stable-softmax", "coding", "Write a numerically stable softmax and log-softmax for a list of floats.",
      flavor="math"),
    q("topk-heap", "coding",
      "Implement top-k sampling over the logits our transformer decoder returns, in O(n log k) with a heap."),
    q("shuffle-buffer", "coding",
      "Write a shuffle buffer for the data loader that feeds our transformer training job from sequential "
      "shards, holding at most B examples."),
    q("bpe", "coding", "Implement a byte-pair encoding tokenizer: learn merges, then encode and decode."),
    q("beam-search", "coding",
      "Implement beam search given a step function that returns next-token log-probabilities for a batch "
      "of prefixes."),
    q("kmeans-numpy", "coding", "Implement k-means in NumPy with k-means++ initialisation."),
    q("logreg-gd", "coding", "Implement logistic regression trained by gradient descent, with L2 penalty."),
    q("dm-planted-bug", "data-modeling",
      "The notebook's transformer block has a planted bug and the dataset has a quirk. Find both and "
      "improve validation loss."),
    q("layernorm-cuda", "coding",
      "Write a CUDA kernel for layer normalization over rows of 8,192 half-precision values, using warp-level "
      "reductions."),
    q("kv-lru", "coding", "Implement an LRU cache for attention KV blocks shared across requests."),
    q("param-counter", "coding",
      "Write a function that computes the parameter count and FLOPs of a transformer layer from its config."),
    q("label-smoothing", "coding",
      "Implement cross-entropy with label smoothing that is numerically stable."),
    q("lr-schedule", "coding", "Implement a learning-rate schedule with linear warmup and cosine decay."),
    q("nucleus", "coding", "Implement top-p (nucleus) sampling with a temperature parameter."),
    q("collate", "coding",
      "Write a collate function that pads variable-length sequences and builds the matching attention masks."),
    q("blur-filter", "coding",
      "Implement a 2D convolution with a Gaussian kernel to blur a grayscale image."),
    q("softmax-derivative", "math-quiz", "Derive the Jacobian of the softmax function."),
    q("micrograd", "coding",
      "Implement reverse-mode autodiff on scalar values: +, *, tanh, and backward() over the computation "
      "graph in topological order."),
    # written after the rules, then run before any tuning
    q("b-m-g1", "coding",
      "Implement a ring buffer that stores the last N training losses and reports a moving average."),
    q("b-m-g2", "coding",
      "Implement a matrix multiplication with cache-friendly tiling in C and measure it."),
    q("b-m-g3", "coding",
      "Write a function to compute IoU between two sets of bounding boxes, then non-maximum "
      "suppression."),
    q("b-m-g4", "coding", "Implement an inverted index with phrase queries over 1 million documents."),
    q("b-m-g5", "coding",
      "Implement early stopping and checkpoint selection logic for a training loop given validation "
      "losses."),
    q("b-m-g6", "coding", "Implement the Adam optimizer update for a dict of parameter arrays."),
    q("b-m-g7", "coding",
      "Implement a greedy decoder loop that calls model.step(tokens) and stops at end-of-sequence or "
      "max length."),
    q("b-m-g8", "coding",
      "Implement a function that packs variable-length documents into fixed 2,048-token sequences with "
      "minimal padding."),
    q("b-m-g9", "coding", "Write an evaluator that computes BLEU for a batch of translations."),
    q("b-m-g10", "coding",
      "Implement quantisation of a float32 weight matrix to int8 with per-channel scales, and "
      "dequantisation."),
    q("b-m-g11", "ml-system-design",
      "Design the serving stack for a transformer model with attention layers at 10,000 QPS."),
    q("b-m-g12", "coding",
      "Implement gradient accumulation and gradient clipping by global norm in a training loop."),
]

ML_CODING_BAD = [
    q("sdpa", "coding",
      "Implement scaled dot-product attention with an optional padding mask in PyTorch without using "
      "nn.MultiheadAttention."),
    q("gpt-block-bugs", "coding",
      "Here is a buggy implementation of a GPT-style decoder block; the shape test passes but the loss does "
      "not go down. Find the bugs."),
    q("batchnorm", "coding",
      "Write batch normalization for training and inference modes, including the running statistics."),
    q("pool-conv-backward", "coding",
      "Implement the backward pass of a convolution layer and a 2x2 max-pool in NumPy."),
    q("vit-encoder", "coding", "Code a vision transformer: patch embedding plus one encoder layer."),
    q("gqa", "coding", "Implement grouped-query attention with a KV cache for incremental decoding."),
    q("cnn-numpy", "coding",
      "Build a small convolutional neural network in NumPy, forward and backward, and train it on digits."),
    q("moe-layer", "coding",
      "Implement a mixture-of-experts layer with top-2 routing and a load-balancing loss."),
    q("llama-blocks", "coding", "Write RMSNorm and a SwiGLU feed-forward block for a llama-style model."),
    q("lstm-state-bug", "coding",
      "Our LSTM language model does not carry its hidden state across batches, and gradients explode "
      "after a few hundred steps. Debug the training loop and the LSTM layer."),
    q("mha-backward", "coding", "Implement the backward pass of multi-head attention by hand."),
    q("encoder-from-scratch", "coding",
      "Implement a transformer encoder from scratch (embeddings, attention, feed-forward, layer norm) and "
      "train it on a toy copy task."),
    # written after the rules, then run before any tuning
    q("b-m-b1", "coding",
      "Implement a single decoder layer of a transformer (masked self-attention, feed-forward, "
      "residuals, layer norm) in NumPy."),
    q("b-m-b2", "coding",
      "Write the forward pass of a multi-headed attention module, then modify it to support a KV cache."),
    q("b-m-b3", "coding",
      "Here is a NumPy implementation of a 2-layer neural network whose gradients do not match "
      "numerical gradients. Find and fix the bug in backpropagation."),
    q("b-m-b4", "coding",
      "Code an LSTM forward pass over a batch of padded sequences.", title="LSTM forward pass"),
    q("b-m-b5", "coding",
      "Implement a Conv2D layer with padding and stride, and its backward pass.", flavor="math"),
    q("b-m-b6", "coding",
      "Implement cross-attention between an encoder and decoder for a translation model."),
    q("b-m-b7", "coding",
      "Fix the broken causal self-attention in this GPT training script so the model cannot see future "
      "tokens."),
    q("b-m-b8", "coding", "Implement layer norm and explain its gradient.", title="Layer norm"),
    q("b-m-b9", "coding", "Implement a ResNet basic block with batch norm in PyTorch, without torchvision."),
    q("b-m-b10", "coding",
      "Build a tiny GPT from scratch: token and positional embeddings, attention blocks and a training "
      "loop."),
]

# -- LT104 leaked-question ---------------------------------------------------------

LEAKED_GOOD = [q(f"kept-{i}", "coding", "Find the median of two sorted arrays.", status=status)
               for i, status in enumerate(["active", "retired"] * 8)]
LEAKED_GOOD += [q("no-status", "coding", "Find the median of two sorted arrays.")]
LEAKED_BAD = [q(f"leaked-{i}", kind, "Tell me how you would approach this.", status="leaked")
              for i, kind in enumerate(["coding", "system-design", "behavioral", "math-quiz", "career-chat",
                                        "data-modeling", "ml-system-design", "project-deep-dive", "coding",
                                        "system-design"])]

SETS = {
    "stale-problem": (STALE_GOOD, STALE_BAD),
    "rederive-from-scratch": (REDERIVE_GOOD, REDERIVE_BAD),
    "low-signal-ml-coding": (ML_CODING_GOOD, ML_CODING_BAD),
    "leaked-question": (LEAKED_GOOD, LEAKED_BAD),
}


def _flagged(rule, questions, tmp_path, settings=None) -> set[str]:
    items = [{k: v for k, v in item.items() if v is not None} for item in questions]
    path = tmp_path / f"{rule}.yaml"
    path.write_text(yaml.safe_dump({"questions": items}, sort_keys=False), encoding="utf-8")
    result = lint([str(path)], LintOptions(today=TODAY, select=[rule], settings=settings))
    assert not [f for f in result.findings if f.code.startswith("LT00")], "labelled set must load cleanly"
    return {f.subject for f in result.findings}


@pytest.mark.parametrize("rule", sorted(SETS))
def test_labelled_set(rule, tmp_path):
    good, bad = SETS[rule]
    assert len(good) >= 15 and len(bad) >= 10
    assert len({item["id"] for item in good + bad}) == len(good + bad)
    flagged = _flagged(rule, good + bad, tmp_path)
    false_positives = sorted(item["id"] for item in good if item["id"] in flagged)
    missed = sorted(item["id"] for item in bad if item["id"] not in flagged)
    assert not false_positives, f"{rule} flags good questions: {false_positives}"
    assert not missed, f"{rule} misses bad questions: {missed}"


def test_review_age_and_date_requirement_follow_the_options(tmp_path):
    questions = [q("four-months", "coding", "Merge intervals.", last_reviewed="2026-07-20"),
                 q("undated", "coding", "Merge intervals.", last_reviewed=None)]
    assert _flagged("stale-problem", questions, tmp_path) == set()
    dated = Settings(rule_options={"LT101": {"require-review-date": True}})
    assert _flagged("stale-problem", questions, tmp_path, dated) == {"undated"}
    strict = Settings(rule_options={"LT101": {"max-age-months": 3}})
    assert _flagged("stale-problem", questions, tmp_path, strict) == {"four-months"}


def test_configured_catalogue_entries_extend_the_bundled_ones(tmp_path):
    question = q("neighbour-recs", "ml-system-design",
                 "Design film recommendations by user-user collaborative filtering with Pearson correlation.")
    topic = {"id": "neighbourhood-cf", "topic": "user-user collaborative filtering", "since": "2015-01-01",
             "superseded_by": "learned embeddings and two-stage retrieval and ranking",
             "why": "neighbourhood methods stopped scaling in quality and cost", "all": ["user-user"]}
    landmark = {"id": "pearson", "name": "Pearson correlation", "problem": "similar users",
                "all": ["collaborative filtering"], "names": ["cosine"]}
    assert _flagged("stale-problem", [question], tmp_path) == set()
    assert _flagged("rederive-from-scratch", [question], tmp_path) == set()
    stale = Settings(catalogues={"stale_topics": [topic]})
    assert _flagged("stale-problem", [question], tmp_path, stale) == {"neighbour-recs"}
    landmarks = Settings(catalogues={"landmark_algorithms": [landmark]})
    assert _flagged("rederive-from-scratch", [question], tmp_path, landmarks) == {"neighbour-recs"}


def test_a_broken_configured_pattern_is_a_usage_error(tmp_path):
    from looptool.errors import UsageError

    broken = Settings(catalogues={"stale_topics": [{"id": "broken", "since": "2020-01-01", "all": ["(unclosed"]}]})
    with pytest.raises(UsageError, match="not a valid regular expression"):
        _flagged("stale-problem", [q("any", "coding", "Merge intervals.")], tmp_path, broken)
