"""Labelled questions for the design-family rules (LT111-LT114).

Each rule gets a set of questions that should pass (good, including hard
negatives) and a set that should be flagged (bad), written for this test in
varied domains and wordings, unlike the examples the rules were built from.
The whole set is linted once per rule, through the real loader and linter.
"""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from looptool.lint.linter import LintOptions, lint

SIGNAL = "Weighs the cost of each kind of mistake and ties the design to a measurable outcome."


def q(id, type, prompt, *, signal=SIGNAL, title=None, **fields):
    base = {"id": id, "title": title or id.replace("-", " "), "type": type, "levels": ["senior"],
            "skills": ["algorithms"], "stage": "probe", "duration_minutes": 60, "prompt": prompt,
            "signal": signal}
    return {**base, **fields}


def sc(need=None, *, stakeholders=(), constraints=(), hooks=(), tradeoffs=()):
    out = {"need": need} if need else {}
    for key, value in (("stakeholders", stakeholders), ("constraints", constraints), ("hooks", hooks),
                       ("tradeoffs", tradeoffs)):
        if value:
            out[key] = list(value)
    return out


SERVING_REVIEW = """\
This is how a prototype serves our 70B chat model. Ignore the syntax. Would you let it take production
traffic, and why not?

    app = WebApp()
    tok = load_tokenizer("chat-70b")

    @app.post("/generate")
    def generate(prompt):
        model = load_model("chat-70b")
        return tok.decode(model.generate(tok.encode(prompt)))
"""


# -- LT111 vague-scenario ---------------------------------------------------------

VAGUE_GOOD = [
    q("scam-savings", "ml-system-design",
      "Customers of our bank are being persuaded to send their life savings to scammers. Find a way to prevent it.",
      scenario=sc("People lose savings they will never recover to authorised-payment scams.",
                  stakeholders=["customers", "fraud operations", "branch staff"],
                  hooks=["Where in the payment journey could we intervene?",
                         "What does delaying a legitimate large withdrawal cost the customer?",
                         "How much human override should there be, and by whom?"])),
    q("volunteer-tagger", "ml-system-design",
      "Build a bot for our volunteer-run help channel that tags people who might be able to answer a question.",
      scenario=sc(stakeholders=["askers", "volunteers", "moderators"],
                  hooks=["Is every message a question that needs routing?",
                         "How annoyed are people tagged on questions they cannot answer?",
                         "Can we tag anyone, or do we need opt-in?",
                         "How much channel history do we have?"])),
    q("pharmacy-alerts", "ml-system-design", "Night pharmacists click through interaction alerts unread. Fix it.",
      scenario=sc("Pharmacists miss dangerous interactions buried in harmless alerts.",
                  constraints=["about 200 alerts per pharmacist per shift", "12 hospitals share one rule set"],
                  hooks=["Which alerts were acted on last year?", "Who approves silencing an alert class?"])),
    q("strawberry-dispatch", "system-design",
      "Growers in our cooperative lose about 12% of every harvest because picked fruit waits in the sun for a "
      "truck. We have 40 trucks for 1,100 farms and dispatch by phone. Design the system that tells drivers "
      "where to go next."),
    q("lift-outages", "ml-system-design",
      "Residents of our tower blocks who use wheelchairs are stranded for days when a lift breaks down. "
      "The housing authority wants to fix lifts before they fail.",
      scenario=sc("Disabled and elderly residents are trapped in their flats while a lift waits for repair.",
                  stakeholders=["residents", "maintenance crews", "the housing authority"],
                  constraints=["1,400 lifts, each with a door-cycle counter and a fault log",
                               "a repair visit costs about 300 euros"],
                  hooks=["Which faults give warning, and how far ahead?",
                         "What does a needless visit cost compared with a missed failure?",
                         "Who is told when a lift in a block with a wheelchair user is at risk?"])),
    q("matchmaking-quits", "ml-system-design",
      "New players quit our online game after a few matches against much stronger opponents.",
      scenario=sc("Newcomers are crushed in their first matches and never come back.",
                  constraints=["3 million matches a day", "median queue time must stay under 40 seconds"],
                  hooks=["How do we estimate the skill of a player with two matches?",
                         "How long will people wait for a fairer match?",
                         "Do smurf accounts distort the ratings?"])),
    q("claims-backlog", "ml-system-design",
      "People who file simple home-insurance claims wait six weeks for a payout because every claim is "
      "read by an adjuster. Help them get paid sooner without paying out on fraud.",
      scenario=sc("Claimants with a burst pipe wait weeks for money they need now.",
                  constraints=["40,000 claims a month", "adjusters handle 25 claims a day"],
                  hooks=["Which claims could be paid without a person reading them?",
                         "What does a wrongly paid claim cost compared with a delayed one?",
                         "What do adjusters' past decisions tell us, and can we trust them as labels?"])),
    q("school-buses", "system-design",
      "Parents in our district complain that children stand at bus stops for 25 minutes in winter because "
      "240 buses follow fixed routes. Should routes change every day? What happens when a driver calls in "
      "sick at 6 a.m.? How early may a child be picked up? Design the routing and notification system."),
    q("ebook-holds", "system-design",
      "Library members wait three weeks for popular e-books while licences sit on loans nobody is reading.",
      scenario=sc("Readers wait for e-books that other borrowers are not using.",
                  constraints=["2.5 million members", "each licence allows one loan at a time, 26 loans in total"],
                  hooks=["Can we end a loan early if the reader stopped?", "What do publishers allow?",
                         "How do holds behave when a licence expires?"])),
    q("camera-traps", "ml-system-design",
      "Rangers spend 30 hours a week sorting camera-trap photos, most of them empty frames or cattle.",
      scenario=sc("Rangers have less time in the field because they sort photos by hand.",
                  constraints=["2 million photos a month from 600 cameras", "cameras upload over a satellite link"],
                  hooks=["Which species matter most to the rangers?", "How many labelled photos exist?",
                         "What does missing a poacher cost compared with a false alert?"])),
    q("game-sync", "system-design",
      "Players in our racing game see rivals jump around the track on mobile networks.",
      scenario=sc("Players lose races they should have won because positions arrive late.",
                  constraints=["16 players per race", "updates every 50 ms", "40% of players on mobile data"],
                  hooks=["How much delay can players tolerate?", "Who is authoritative for collisions?",
                         "What happens when a player drops for two seconds?"])),
    q("shop-spam", "ml-system-design",
      "Small shop owners using our email service miss real customer orders that land in the spam folder.",
      scenario=sc("Shop owners lose sales when customer emails are filtered as spam.",
                  constraints=["1.2 billion emails a day", "0.3% of ham goes to spam today"],
                  hooks=["What is a missed order worth compared with a spam email in the inbox?",
                         "Which user actions can serve as labels?", "How do we learn per-shop preferences?"])),
    q("log-search-incidents", "system-design",
      "On-call engineers wait two minutes for each log query during an incident.",
      scenario=sc("Responders lose the first minutes of an incident waiting for logs.",
                  constraints=["4 TB of logs a day", "retention 30 days", "queries touch the last hour 90% of the time"],
                  hooks=["Which queries must be fast and which can be slow?", "How fresh must logs be?",
                         "What is the budget per terabyte?"])),
    q("grocery-substitutes", "ml-system-design",
      "Online grocery shoppers get substitutions they hate and cancel their orders.",
      scenario=sc("Shoppers receive replacements they would never have chosen.",
                  constraints=["8% of ordered items are out of stock at picking time"],
                  hooks=["What do shoppers do with a bad substitute?", "May pickers call the shopper?"])),
    q("artifact-restarts", "system-design", "Redesign the artifact store so restarts do not break builds.",
      scenario=sc("Builds fail for twenty minutes whenever the artifact store restarts.",
                  stakeholders=["developers", "release engineers"],
                  constraints=["6,000 developers", "a restart happens twice a week"],
                  hooks=["Can builds use a stale artifact?", "What does a failed release build cost?",
                         "Which clients retry, and how?"])),
    q("recon-close", "system-design", "Finance cannot close the month until reconciliation finishes. Redesign it.",
      scenario=sc("The finance team cannot close the books for nine days each month.",
                  constraints=["40 million ledger lines a month", "3 banks send files at different times"],
                  hooks=["Which mismatches need a person?", "How late do bank files arrive?",
                         "What must be exact and what can be approximate?"])),
    q("eta-cancels", "ml-system-design", "Delivery estimates are off by 20 minutes at dinner peak. Fix them.",
      scenario=sc("Estimates are off by 20 minutes at dinner peak and orders are cancelled.",
                  stakeholders=["diners", "couriers", "restaurants"], constraints=["1.2 million orders a day"],
                  hooks=["Which error hurts more, early or late?", "What do we know about kitchen load?",
                         "How fast must an estimate update?"])),
    q("checkout-regional", "system-design", "Keep checkout working when a cloud region fails.",
      scenario=sc("Keep checkout available during regional outages.",
                  constraints=["18,000 orders per minute at peak", "two regions, 70 ms apart"],
                  hooks=["Can an order be accepted twice?", "What state must move with the user?",
                         "How fast must we fail over?"])),
    q("translation-offline-prompt", "ml-system-design",
      "Aid workers need translation in places with no mobile signal, on phones with 2 GB of memory, for 14 "
      "languages. What would you ship first?"),
    q("serving-filter", "ml-system-design", SERVING_REVIEW, stage="filter",
      signal="Separates GPU memory, batching and queueing problems from cosmetic code comments."),
    q("parcels-wrong", "ml-system-design", "Parcels go to the wrong address 3% of the time. Fix it.",
      scenario=sc("Parcels are delivered to the wrong address 3% of the time.",
                  hooks=["the cost of a re-delivery", "which addresses fail most", "what couriers see at the door"])),
    q("seller-vanish", "ml-system-design",
      "Sellers on our marketplace can't tell why their listings disappear from search.",
      scenario=sc(constraints=["forty thousand sellers", "listings re-ranked hourly"],
                  hooks=["What may we tell sellers about ranking?", "Which disappearances are policy removals?",
                         "How do sellers contact us today?"])),
    q("cctv-storage", "system-design", "Design storage for CCTV footage across 300 shops.",
      scenario=sc("Shop managers cannot find footage of an incident before it is overwritten.",
                  constraints=["300 shops", "8 cameras each", "footage kept 30 days"],
                  hooks=["retention against storage cost", "uploads over weak shop broadband",
                         "police requests for footage"])),
    q("wake-word", "ml-system-design",
      "People say our smart speaker wakes up when nobody said its name, about 3 times a day per home.",
      scenario=sc(hooks=["How often does it miss a real wake word?", "What audio may we keep?",
                         "Which homes trigger most?"])),
]

VAGUE_BAD = [
    # relabelled bad under the need-first principle (issue 14): numbers and hooks are preparation
    q("build-cache", "system-design", "Design the remote cache for our build system.",
      scenario=sc(constraints=["9,000 builds a day reading 30,000 artifacts each", "80 TB of artifacts",
                               "three offices on two continents"],
                  hooks=["How stale may an artifact be?", "What happens when the cache is unreachable?",
                         "How do we prevent cache poisoning?"])),
    q("fraud-bank", "ml-system-design", "Design a fraud detection system for a banking application."),
    q("jira-routing", "ml-system-design", "Automatically route JIRA tickets to the right subteam."),
    q("news-feed", "system-design", "Design a social media news feed."),
    q("url-shortener", "system-design", "Design a URL shortener."),
    q("ecommerce-recs", "ml-system-design", "Design a recommendation system for an e-commerce website.",
      scenario=sc("Recommend products.")),
    q("doc-search", "system-design", "Build a search engine for documents.",
      scenario=sc(constraints=["scalable", "fast"])),
    q("support-chatbot", "ml-system-design", "Design a chatbot for customer support using large language models."),
    q("ride-hailing", "system-design", "Design a ride-sharing service like Uber for 10 million users."),
    q("metric-anomalies", "ml-system-design", "Design a system to detect anomalies in server metrics.",
      scenario=sc("Anomaly detection for metrics.", hooks=["What counts as an anomaly?"])),
    q("churn-model", "ml-system-design", "Design an ML system to predict customer churn."),
    q("moderation", "ml-system-design", "Design a content moderation system for a social network.", scenario={}),
    q("notifications", "system-design", "Design a notification service.",
      scenario=sc("Send notifications to users.", constraints=["high availability"], hooks=["Push or pull?"])),
    q("image-search", "ml-system-design", "Design an image search system.",
      scenario=sc(constraints=["1B images"], hooks=["Text queries or image queries?"])),
    q("recs-generic-hooks", "ml-system-design", "Design a recommendation system.",
      scenario=sc(stakeholders=["users", "product team"],
                  hooks=["What data do we have?", "What metric should we use?", "How many users are there?"])),
    q("recs-want", "ml-system-design", "Design a recommendation system for an e-commerce site.",
      scenario=sc("Users want personalised recommendations.", constraints=["10M users", "100 ms p99"])),
    q("long-generic", "ml-system-design",
      "Design a scalable, highly available, low-latency recommendation system for a large e-commerce platform "
      "with millions of users, covering data ingestion, feature engineering, model training, serving and "
      "monitoring."),
    q("search-ux", "ml-system-design", "Improve search.",
      scenario=sc("Improve the user experience of search.",
                  constraints=["millions of queries per day", "sub-second latency"],
                  hooks=["What metrics matter?", "How do we handle scale?", "What about personalisation?"])),
    q("chat-generic", "system-design", "Design a chat system.",
      scenario=sc("Users need to chat.", constraints=["1M users"],
                  hooks=["What features do we need?", "How do we store messages?", "What is the latency target?"])),
    q("generic-reqs", "system-design", "Design a video streaming platform.",
      scenario=sc(hooks=["What are the functional requirements?", "What is the expected scale?",
                         "Read-heavy or write-heavy?"])),
]


# -- LT112 mislabeled-interview ---------------------------------------------------


BUGGY_SEARCH = """\
The function below should return the first index whose value is at least target. Find and fix the bugs,
then add tests.

    def lower_bound(xs, target):
        lo, hi = 0, len(xs)
        while lo < hi:
            mid = (lo + hi) // 2
            if xs[mid] <= target:
                lo = mid
            else:
                hi = mid - 1
        return lo
"""

MISLABELED_GOOD = [
    q("link-shortener", "system-design",
      "Marketing creates 200 million short links a month that must work for ten years. Design the service: "
      "sketch the API, write the storage schema, and say what happens when a region goes down."),
    q("lease-scheduler", "system-design",
      "Design a job scheduler for 2 million delayed jobs a day across three regions that never runs a job "
      "twice. Then write renew_lease(job_id, worker) in pseudocode and explain what a paused worker does."),
    q("rate-limit-schema", "system-design",
      "Our public API takes 300,000 requests per second. Design per-customer rate limiting and write the "
      "key layout you would use in the counter store."),
    q("explain-then-design", "system-design",
      "Explain how you would design metrics ingestion for 15,000 hosts that emit every 10 seconds, and what "
      "protects alerting during a deploy."),
    q("webhook-isolation", "system-design",
      "What would you change in our webhook delivery so that one slow merchant cannot delay everyone? "
      "We send 30 million events a day to 40,000 endpoints."),
    q("serving-review", "ml-system-design", SERVING_REVIEW,
      signal="Finds per-request loading, CPU inference and missing batching in LLM serving code.",
      rubric=[{"min": 0, "max": 1, "evidence": ["Comments only on naming"]},
              {"min": 2, "max": 3, "evidence": ["Notes that 70B weights do not fit one GPU without sharding or quantisation"]},
              {"min": 4, "max": 5, "evidence": ["Proposes a serving engine with continuous batching"]}]),
    q("ranker-latency", "ml-system-design",
      "Our search ranker adds 180 ms on mobile and shoppers leave before results load. Make it faster without "
      "hurting what people buy.",
      signal="Trades ranker size against latency and checks purchases with an online experiment."),
    q("caption-errors", "ml-system-design",
      "Deaf users say our live captions mangle names and team jargon. Fix it for them.",
      signal="Evaluates recognition on the names users care about rather than average word error rate."),
    q("invoice-extraction", "ml-system-design",
      "Clerks retype every supplier invoice by hand and fall weeks behind. Help them.",
      scenario=sc("Suppliers wait weeks to be paid.", hooks=["Are the clerks' past entries usable as labels?"])),
    q("training-stalls", "ml-system-design",
      "Our 512-GPU training job sits at 30% MFU and the profiler shows GPUs waiting for input. What do you do?",
      signal="Finds the input bottleneck and restores utilisation of an expensive training job."),
    q("deadline-story", "behavioral",
      "Tell me about a time you had to write code for a deadline you thought was unrealistic. What did you cut?",
      signal="Shows how the candidate makes shortcuts visible and follows up on them."),
    q("bug-you-shipped", "behavioral",
      "Describe a bug you implemented yourself that reached production. How did you find out, and what changed?",
      signal="Owns a defect they caused and shows a lasting change in how they work."),
    q("repo-tour", "project-deep-dive",
      "Open the repository of something you built and walk me through the code you are proudest of.",
      signal="Explains the choices in their own code and judges them honestly."),
    q("thesis-training-code", "project-deep-dive",
      "Walk me through how your thesis model was trained: the data, the training code and what you would change.",
      signal="Separates their own contribution from the lab's and explains a surprising result."),
    q("next-role-code", "career-chat",
      "What kind of code do you want to be writing in two years, and what kind do you never want to touch again?",
      signal="Names concrete kinds of work that motivate them and checks them against this team's."),
    q("intervals", "coding", "Given a list of booking intervals, merge the ones that overlap and explain the cost.",
      stage="filter"),
    q("kway-merge", "coding", "Merge k sorted iterators lazily, keeping memory bounded by k.", stage="filter"),
    q("fix-lower-bound", "coding", BUGGY_SEARCH, stage="filter"),
    q("tiny-regex", "coding", "Build a matcher for patterns with literal characters, '.' and '*'.", stage="filter"),
    q("explain-then-parse", "coding",
      "Explain your plan first, then write parse(expr: str) -> Node for arithmetic with + - * / and parentheses.",
      stage="filter"),
    q("checkout-what-breaks", "system-design",
      "What breaks first when checkout traffic triples on sale day? We run 3 regions and 40 services."),
    q("feed-why-slow", "system-design",
      "Why is our home feed slow at the evening peak, and what would you change? It serves 9 million people."),
    q("offer-accept", "ml-system-design", "Drivers reject 40% of the delivery offers we send them. Make offers they accept.",
      signal="Frames offer acceptance as the target and designs an experiment to test dispatch changes."),
    q("false-wakes", "ml-system-design", "Users report the voice assistant wakes up when nobody said its name. Fix it.",
      signal="Trades false wakes per hour against missed wake words on the device."),
    q("review-disagree", "behavioral", "Walk me through the last code review where you disagreed with the reviewer.",
      signal="Disagrees with evidence and separates taste from correctness."),
    q("feature-disagree", "behavioral",
      "Think of a time you had to implement a feature you disagreed with. What did you do?",
      signal="Raises concerns early and commits once a decision is made."),
    q("rewrite-iter", "coding", "Explain what this function returns for n = 5, then rewrite it iteratively:\n\n"
      "    def f(n):\n        return 1 if n < 2 else f(n - 1) + f(n - 2)\n", stage="filter"),
    q("describe-then-impl", "coding",
      "Describe the data structure you would use, then implement it for a stream of stock prices.", stage="filter"),
]

MISLABELED_BAD = [
    q("lru-as-design", "system-design",
      "Design and implement an LRU cache class with get(key) and put(key, value), both in O(1)."),
    q("cap-trivia", "system-design", "What is the CAP theorem? Give an example of a CP store and an AP store."),
    q("closest-points", "system-design", "Write a function that returns the k points closest to the origin."),
    q("sql-vs-nosql", "system-design", "Explain the difference between SQL and NoSQL databases."),
    q("blocking-queue", "system-design",
      "Implement a thread-safe bounded blocking queue class with put() and take() methods."),
    q("meeting-rooms", "system-design",
      "Given an array of meeting intervals, return the minimum number of rooms required."),
    q("recs-clothing", "ml-system-design",
      "Design a recommendation service for our video app. Cover the API, caching, sharding and autoscaling, "
      "and where the neural network runs.", signal="Lays out a scalable recommendation service."),
    q("rag-clothing", "ml-system-design",
      "Design a RAG chatbot over our product manuals: pick a vector database, a chunk size and a way to scale "
      "the API.", signal="Knows the components of a retrieval-augmented chatbot."),
    q("image-service-clothing", "ml-system-design",
      "Design the architecture of an image classification service for 5,000 requests per second: load "
      "balancers, model servers and autoscaling.", signal="Designs a horizontally scalable inference tier."),
    q("spam-clothing", "ml-system-design",
      "Design a system that uses a neural network to detect spam comments. Describe the components and how "
      "they scale.", signal="Describes a spam detection pipeline and its scaling."),
    q("failure-then-cycle", "behavioral",
      "Tell us about your biggest professional failure. Then write a function that detects a cycle in a "
      "linked list.", signal="Owns a failure and detects cycles with two pointers."),
    q("team-then-reverse", "behavioral",
      "How do you handle disagreements in your team? Afterwards, implement a function that reverses the "
      "words in a sentence.", signal="Resolves conflict constructively and manipulates strings."),
    q("career-snippet", "career-chat",
      "Where do you want to be in two years? Before that, what does this print?\n\n"
      "    def f(xs=[]):\n        xs.append(1)\n        return xs\n    print(f(), f())\n",
      signal="Knows where they are heading and spots the mutable default argument."),
    q("dive-trie", "project-deep-dive",
      "Implement a trie with insert(word) and starts_with(prefix) and walk me through it.",
      signal="Builds a trie and explains each node's fields."),
    q("threads-processes", "coding",
      "Explain the difference between a thread and a process, and when you would pick each.", stage="filter"),
    q("quicksort-complexity", "coding", "What is the time complexity of quicksort, and why is the worst case quadratic?",
      stage="filter"),
    q("java-gc", "coding", "Describe how garbage collection works in the JVM.", stage="filter"),
    q("recursion-tradeoffs", "coding", "Discuss the trade-offs between recursion and iteration.", stage="filter"),
    q("palindrome-then-story", "behavioral",
      "Implement a function to check whether a string is a palindrome, then tell me about a time you mentored "
      "someone.", signal="Mentors well and writes a palindrome check."),
    q("p99-trivia", "system-design",
      "What is the difference between p50 and p99 latency, and why does a 100-shard fan-out make p99 matter?"),
    q("consistent-hashing-trivia", "system-design",
      "How does consistent hashing work, and why does it help when nodes join or leave?"),
    q("spam-buzzwords", "ml-system-design", "Design a spam classifier for our comment system and explain how it scales.",
      signal="Knows how to build and scale a classifier.",
      rubric=[{"min": 0, "max": 2, "evidence": ["Does not mention class imbalance or overfitting"]},
              {"min": 3, "max": 5, "evidence": ["Mentions precision and recall, class imbalance and monitoring"]}]),
    q("dedupe-words", "coding", "How would you find duplicate URLs in a list of a billion entries?", stage="filter"),
]


# -- LT113 missing-signal ------------------------------------------------------------

def sig(id, title, signal):
    return q(id, "coding", "Work through the problem your interviewer gives you.", title=title, signal=signal,
             stage="filter")


SIGNAL_GOOD = [
    sig("spec-decoding", "Speculative decoding speed-up",
        "Separates FLOPs from wall-clock time when judging whether a draft model pays off."),
    sig("lower-bound", "Sorted log search", "Gets lower bound right."),
    sig("log-compaction", "Broker internals", "Tests knowledge of log compaction."),
    sig("regional-limits", "Rate limiter across regions",
        "Bounds how far per-region counters can over-admit when the shared store is down."),
    sig("incident-owner", "Last incident you caused", "Owns a failure they caused and changes a habit afterwards."),
    sig("heap-ties", "Top k in a stream", "Keeps a size-k min-heap and explains why ties need a second key."),
    sig("censored-demand", "Store demand forecast", "Notices that sales are censored by stock-outs."),
    sig("label-delay", "Card fraud with late labels",
        "Accounts for chargebacks that arrive weeks after the transaction when splitting data."),
    sig("kv-sizing", "Chat serving fleet", "Sizes KV-cache memory per request and derives the batch limit."),
    sig("mentor-growth", "Engineer you helped grow",
        "Describes what the mentee can now do that they could not before."),
    sig("position-bias", "Search clicks as labels", "Corrects click labels for position bias before training."),
    sig("cycle-report", "Task scheduler", "Reports a concrete dependency cycle instead of just failing."),
    sig("softmax-jacobian", "Softmax derivative", "Derives the softmax Jacobian and shows its rows sum to zero."),
    sig("ic-vs-manager", "IC or manager", "Has tested the management path with evidence from their own work."),
    sig("webhook-isolation", "Webhook delivery",
        "Isolates slow merchant endpoints so one outage cannot delay everyone."),
    sig("gpu-hoarding", "GPU scheduler", "Designs quotas that stop teams hoarding GPUs with sleep jobs."),
    sig("corr-cause", "Churn analysis", "Distinguishes correlation from causation in a churn analysis."),
    sig("tail-fanout", "Fan-out latency", "Reasoning about tail latency under fan-out."),
    sig("recursion-memo", "Staircase counting", "Tests recursion and memoisation."),
]

SIGNAL_BAD = [
    sig("tbd", "Checkout latency", "TBD"),
    sig("todo", "Feature store", "TODO: describe what this tells us"),
    sig("na", "Career goals", "n/a"),
    sig("dash", "Queue design", "-"),
    sig("too-short", "Heaps", "Heap knowledge."),
    sig("generic-ps", "Cheapest route", "Tests the candidate's problem solving and communication skills."),
    sig("generic-sd", "Home feed", "Evaluates overall system design ability at scale."),
    sig("restated", "Link shortener for marketing",
        "Tests whether the candidate can design a link shortener for marketing."),
    sig("generic-coding", "Interval merge", "Assesses general coding ability and technical knowledge."),
    sig("generic-ml", "Churn prediction", "Tests machine learning knowledge and problem-solving approach."),
    sig("restated-2", "Trie autocomplete", "Can implement trie autocomplete."),
    sig("generic-behaviour", "Conflict story", "Shows communication, teamwork and culture fit."),
    sig("solve-problem", "Route planner", "Tests the candidate's ability to solve the problem."),
    sig("can-code", "Word ladder", "Checks if they can code."),
    sig("senior-signal", "Payments ledger", "Good signal for senior candidates."),
    sig("strong-hire", "Cache design", "Whether the candidate is a strong hire."),
    sig("topic-covered", "Queue semantics", "Tests understanding of the topic covered in the prompt."),
    sig("standard-fund", "Two sum", "Standard question, tests fundamentals."),
]


# -- LT114 missing-references -----------------------------------------------------

def ref(id, type, *, references=None, scenario=True, **fields):
    extra = {"scenario": sc("People wait too long for the service they need.")} if scenario else {}
    if references is not None:
        extra["references"] = references
    return q(id, type, "Help the people described in the scenario.", **extra, **fields)


REFERENCES_GOOD = [
    ref("sd-with-paper", "system-design", references=["Dynamo: Amazon's highly available key-value store (2007)"]),
    ref("mlsd-with-report", "ml-system-design", references=["UK Finance Annual Fraud Report 2025"]),
    ref("mlsd-with-postmortem", "ml-system-design", references=["Internal post-mortem, March outage"]),
    ref("sd-with-two", "system-design", references=["The Tail at Scale (Dean and Barroso)", "Our SLO review"]),
    ref("mlsd-with-blog", "ml-system-design", references=["An engineering blog post on delivery-time prediction"]),
    ref("sd-no-scenario", "system-design", scenario=False),
    ref("mlsd-no-scenario", "ml-system-design", scenario=False),
    ref("coding-with-scenario", "coding"),
    ref("behavioral-with-scenario", "behavioral"),
    ref("data-modeling-with-scenario", "data-modeling"),
    ref("retired-sd", "system-design", status="retired"),
    ref("leaked-mlsd", "ml-system-design", status="leaked"),
    ref("math-quiz-with-scenario", "math-quiz"),
    ref("deep-dive-with-scenario", "project-deep-dive"),
    ref("career-with-scenario", "career-chat"),
]

REFERENCES_BAD = [
    ref("sd-none", "system-design"),
    ref("mlsd-none", "ml-system-design"),
    ref("sd-empty", "system-design", references=[]),
    ref("mlsd-empty", "ml-system-design", references=[]),
    ref("sd-filter-none", "system-design", stage="filter"),
    ref("mlsd-staff-none", "ml-system-design", levels=["staff"]),
    ref("sd-junior-none", "system-design", levels=["junior"]),
    ref("mlsd-short-none", "ml-system-design", duration_minutes=30),
    ref("sd-owned-none", "system-design", owner="platform"),
    ref("mlsd-reviewed-none", "ml-system-design", last_reviewed="2026-10-01"),
]


SETS = {
    "LT111": (VAGUE_GOOD, VAGUE_BAD),
    "LT112": (MISLABELED_GOOD, MISLABELED_BAD),
    "LT113": (SIGNAL_GOOD, SIGNAL_BAD),
    "LT114": (REFERENCES_GOOD, REFERENCES_BAD),
}


@pytest.fixture(scope="module")
def flagged(tmp_path_factory):
    """Ids each rule flags when the whole labelled set is linted with only that rule."""
    out = {}
    for code, (good, bad) in SETS.items():
        path = tmp_path_factory.mktemp(code) / "bank.yaml"
        path.write_text(yaml.safe_dump({"questions": good + bad}, sort_keys=False), encoding="utf-8")
        result = lint([str(path)], LintOptions(today=dt.date(2026, 11, 24), select=[code]))
        out[code] = {f.subject for f in result.findings}
    return out


# Known limits, kept visible: the rule cannot tell these from good questions.
# Cases this rule no longer reports because another rule does: the seed's "system design in ML
# clothing" became its own rule, ml-clothing (LT116), which flags each of these (see
# tests/rules/ml-clothing.yaml and tests/test_analysis.py).
_NOW_ML_CLOTHING = ("an ML design whose ML part is only recipe words, or a model name on a systems design, "
                    "is reported by ml-clothing (LT116)")
KNOWN_MISSES: dict[tuple[str, str], str] = {
    ("LT112", "recs-clothing"): _NOW_ML_CLOTHING,
    ("LT112", "spam-clothing"): _NOW_ML_CLOTHING,
    ("LT112", "spam-buzzwords"): _NOW_ML_CLOTHING,
}


def _cases(index):
    return [pytest.param(code, item["id"], id=f"{code}-{item['id']}",
                         marks=[pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[code, item["id"]])]
                         if (code, item["id"]) in KNOWN_MISSES else [])
            for code, sets in SETS.items() for item in sets[index]]


def test_sets_are_large_enough_and_ids_unique():
    for code, (good, bad) in SETS.items():
        assert len(good) >= 15 and len(bad) >= 10, code
        ids = [item["id"] for item in good + bad]
        assert len(ids) == len(set(ids)), code


@pytest.mark.parametrize("code,qid", _cases(0))
def test_good_question_is_not_flagged(flagged, code, qid):
    assert qid not in flagged[code]


@pytest.mark.parametrize("code,qid", _cases(1))
def test_bad_question_is_flagged(flagged, code, qid):
    assert qid in flagged[code]
