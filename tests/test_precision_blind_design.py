"""A second, independently written labelled set for the design-family rules (LT111-LT114).

The questions were written from the user documentation and the seed essays alone,
before the rule code or its catalogues were read, in domains and wordings unlike
the bundled bank and the other labelled tests. Each rule gets questions that must
pass (good ones, including hard negatives) and questions that must be flagged.
The whole set is linted once per rule, through the real loader and linter.
"""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from looptool.lint.linter import LintOptions, lint


def rubric(low, mid, high):
    return [{"min": 0, "max": 1, "label": "Red flags", "evidence": [low]},
            {"min": 2, "max": 3, "label": "Solid", "evidence": [mid]},
            {"min": 4, "max": 5, "label": "Exceptional", "evidence": [high]}]


DESIGN_RUBRIC = rubric("Draws boxes without asking who is affected or how often it happens",
                       "Sizes the load with numbers and picks a component for each bottleneck",
                       "Designs the failure and override paths and says what they cost")


def q(id, type, prompt, signal, *, title=None, levels=("senior",), skills=("distributed-systems",),
      stage="probe", minutes=60, rubric=DESIGN_RUBRIC, **fields):
    out = {"id": id, "title": title or id.replace("-", " ").capitalize(), "type": type,
           "levels": list(levels), "skills": list(skills), "stage": stage, "duration_minutes": minutes,
           "prompt": prompt}
    out.update({k: v for k, v in fields.items() if k in ("flavor", "scenario")})
    out["signal"] = signal
    if rubric:
        out["rubric"] = rubric
    out.update({k: v for k, v in fields.items() if k not in ("flavor", "scenario")})
    return out


def sc(need=None, *, who=(), limits=(), hooks=(), tradeoffs=()):
    fields = {"need": need, "stakeholders": who, "constraints": limits, "hooks": hooks, "tradeoffs": tradeoffs}
    return {key: value if key == "need" else list(value) for key, value in fields.items() if value}


SD, ML = "system-design", "ml-system-design"
ML_SKILLS = ("ml-problem-framing", "evaluation")

CODE_REVIEW_PROMPT = """\
This is the endpoint a contractor wrote to record card refunds. It works on their laptop. Would you
let it handle our 3,000 refunds a minute, and what would you change first?

    @route("/refund", methods=["POST"])
    def refund(req):
        acct = db.query("SELECT * FROM accounts WHERE id=" + req.args["id"])
        acct.balance += float(req.args["amount"])
        db.save(acct)
        requests.post(LEDGER_URL, json=acct.to_dict())
        return "ok"
"""


# -- LT111 vague-scenario -----------------------------------------------------------

VAGUE_GOOD = [
    q("bike-dock-vans", SD,
      "Commuters at about 90 of our 300 bike-share stations find every dock empty by 8:15 am, and the six "
      "rebalancing vans are dispatched from a whiteboard. Design the system that tells each van, every 15 "
      "minutes, where to go next.",
      "Turns station fill rates into a van routing loop and says what happens when a forecast is wrong.",
      skills=("capacity-estimation", "algorithms")),
    q("ambulance-bed-board", SD, "Design the bed-availability board for our regional hospital network.",
      "Chooses who may mark a bed free and how stale data is shown to a crew deciding where to drive.",
      skills=("distributed-systems", "reliability"),
      scenario=sc("Ambulance crews drive to emergency departments that turn out to be full, adding 20-40 "
                  "minutes before a patient is admitted.",
                  who=["paramedics", "emergency charge nurses", "bed managers"],
                  limits=["14 hospitals, 3,100 beds", "bed status changes about 9,000 times a day",
                          "the board must keep working when one hospital's link is down"],
                  hooks=["Who is allowed to mark a bed free, and how quickly does that happen today?",
                         "Is a bed with no nurse to staff it available?",
                         "What should a crew see when a hospital's data is an hour old?"])),
    q("seed-vault-retests", SD,
      "Curators at a national seed bank keep discovering that a sample died in the freezer years before anyone "
      "re-tested it. The bank holds 1.2 million samples in three vaults, each should be germination-tested "
      "every 10 years, and the lab can run 400 tests a week. Design the system that schedules re-tests and "
      "tracks which samples are losing viability.",
      "Sees that the test budget, not storage, is the bottleneck and prioritises tests by risk of loss.",
      skills=("storage-systems", "capacity-estimation")),
    q("xray-worklist", ML,
      "Night-shift radiologists across our five hospitals read about 1,800 chest X-rays a night, and urgent "
      "findings wait in the same queue as routine follow-ups. Find a way to get a collapsed lung read within "
      "15 minutes of the scan.",
      "Frames triage as reordering rather than diagnosis and prices a missed urgent case against a bumped one.",
      skills=ML_SKILLS,
      scenario=sc("Patients with urgent findings wait hours behind routine scans.",
                  who=["night radiologists", "emergency doctors", "patients"],
                  hooks=["What does a missed urgent case cost compared with a routine one read late?",
                         "Can a radiologist override the order, and do we learn from it?",
                         "Which historical reports give reliable urgent labels?"])),
    q("log-ingest-tier", SD, "Design the log ingestion and query tier for our platform.",
      "Sizes hot and cold storage from the ingest rate and isolates tenants so one service cannot starve others.",
      skills=("storage-systems", "capacity-estimation"),
      scenario=sc(limits=["2.5 million log lines a second at peak, 400 bytes each",
                          "30 days searchable, one year in cold storage",
                          "p99 under 3 seconds for queries over the last hour"],
                  hooks=["Which queries dominate, and over what time range?",
                         "May we drop debug lines under backpressure?",
                         "How do we keep one noisy tenant from starving the rest?"])),
    q("robot-aisle-deadlock", SD,
      "Twice a week two of our 40 warehouse robots deadlock at an aisle crossing and the pick floor stops for "
      "about an hour while pickers wait for an engineer. Design traffic control for the fleet, given a 50 ms "
      "radio round trip and robots that occasionally drop off the network.",
      "Chooses between central reservations and local negotiation and handles a robot that goes silent.",
      skills=("distributed-systems", "reliability")),
    q("milk-tank-alerts", SD,
      "Dairy farmers in our cooperative lose a whole tank, about 8,000 litres, when the cooler fails overnight "
      "and nobody notices until the morning pickup. Should each tank sensor report every minute or only when "
      "the temperature changes? What happens when a farm's connection drops for a day? Who gets woken up when "
      "a tank passes 6 degrees? Design the monitoring system for our 650 farms.",
      "Trades reporting frequency against battery and bandwidth and designs alerting that reaches a person.",
      skills=("reliability", "distributed-systems")),
    q("pr-reviewer-suggest", ML,
      "Build a feature that suggests which maintainers should review each pull request in our monorepo.",
      "Defines a useful suggestion from review outcomes and keeps load off the few prolific reviewers.",
      skills=ML_SKILLS,
      scenario=sc(who=["contributors", "maintainers", "release managers"],
                  hooks=["Do maintainers want more review requests or fewer?",
                         "How do we avoid always suggesting the same two prolific reviewers?",
                         "Which past reviews show who actually understood the code?"])),
    q("refund-endpoint-review", SD, CODE_REVIEW_PROMPT,
      "Spots the injection, the lost update under concurrency and the non-idempotent ledger call.",
      skills=("reliability", "api-design"), stage="filter", minutes=30),
    q("retired-shortener", SD, "Design a URL shortener.",
      "Estimates key space and read-write ratio and picks a key scheme.", status="retired"),
    q("leaked-chat", SD, "Design a chat application.",
      "Orders messages per conversation and explains delivery guarantees.", status="leaked"),
    q("subtitle-pretranslate", ML,
      "Our subtitle translators post-edit machine output for 30 language pairs. Decide whether and how to use "
      "machine pre-translation for the next season of a comedy series.",
      "Measures editing effort rather than a translation score and knows where idioms and timing break.",
      skills=("llm-applications", "evaluation"),
      scenario=sc("Translators say machine drafts make them slower on jokes and wordplay, and they are paid per "
                  "minute of video, not per hour worked.",
                  who=["freelance translators", "the localisation lead", "viewers"],
                  limits=["subtitles must fit 42 characters a line", "delivery 10 days after picture lock"],
                  hooks=["How do we measure whether a draft saved a translator time?",
                         "Which scenes should never get a machine draft?",
                         "Do translators get to switch the drafts off?"])),
    q("snow-day-alerts", SD,
      "Parents in our school district get the snow-day closure call after the buses have already left, because "
      "the robocall system takes 90 minutes to reach 48,000 families. Design a notification system that reaches "
      "every family before 6:00 am.",
      "Sizes the fan-out against carrier throttling and plans for families with only a landline.",
      skills=("distributed-systems", "capacity-estimation")),
    q("season-leaderboard", SD,
      "Design the leaderboard for a mobile game with 12 million daily players and 400,000 online at peak. How "
      "fresh must a friend's score be? Do we need exact ranks below the top 1,000? What happens when a season "
      "resets at midnight in every time zone?",
      "Separates the exact top of the board from approximate ranks below it and plans the reset stampede.",
      skills=("storage-systems", "capacity-estimation")),
    q("hive-swarm-sensing", ML,
      "Use the acoustic sensors in our customers' beehives to warn beekeepers before a colony swarms.",
      "Frames the warning around what a beekeeper can still do in time and where labels come from.",
      skills=ML_SKILLS,
      scenario=sc("Hobby beekeepers lose half a colony when it swarms while they are at work.",
                  who=["hobby beekeepers", "commercial apiaries"],
                  limits=["11,000 hives report a 10-second clip every 5 minutes", "sensors run on a 2 W solar panel"],
                  hooks=["How far ahead must a warning come to be useful?",
                         "Where do we get labels for swarms that nobody saw?",
                         "How many false alarms will a beekeeper tolerate before muting us?"])),
    q("wiki-support-assistant", ML,
      "Support agents answer billing questions by searching an internal wiki that they say is about 40% out of "
      "date. Build an assistant that drafts answers for them.",
      "Treats stale sources as the core problem and measures answers by agent edits and customer reopen rate.",
      skills=("llm-applications", "evaluation"),
      scenario=sc("Customers get wrong refund amounts from agents who trusted an old wiki page.",
                  who=["support agents", "billing team", "customers"],
                  hooks=["How do we know which pages are stale?",
                         "Should the assistant refuse when its sources disagree?",
                         "Who fixes the wiki when the assistant finds a conflict?"])),
    q("stadium-seat-holds", SD,
      "Fans lose seats they had in their basket when our ticketing site falls over at on-sale. Design the "
      "seat-hold service for a 60,000-seat stadium where 2 million fans arrive in the first minute and no seat "
      "may ever be sold twice.",
      "Separates admission control from seat allocation and keeps holds consistent under the first-minute spike.",
      skills=("distributed-systems", "capacity-estimation")),
    q("datahall-power-cap", SD, "Design power capping for one of our data halls.",
      "Allocates a hard power budget across racks and degrades batch work before serving.",
      skills=("reliability", "capacity-estimation"),
      scenario=sc(limits=["20 MW feed, breakers trip at 21 MW for more than 2 seconds",
                          "6,000 servers reporting power every 500 ms",
                          "training jobs can draw 30% more in bursts"],
                  hooks=["Which workloads can be slowed, and who decides?",
                         "How fast must a cap take effect to beat the breaker?",
                         "What happens if the controller itself loses telemetry?"])),
    q("transit-screen-reader", SD,
      "Blind riders of our city's transit app miss their stop because arrival announcements lag the vehicle by "
      "up to 40 seconds. Design how vehicle positions reach their phones so the announcement comes before the "
      "doors open.",
      "Budgets the latency end to end from vehicle GPS to phone and plans for tunnels with no signal.",
      skills=("distributed-systems", "reliability")),
    q("irrigation-scheduler", ML,
      "Growers in our almond cooperative are being rationed to 70% of last year's water. Help them decide which "
      "blocks to irrigate each night.",
      "Ties the model to yield loss per litre withheld and knows soil sensors drift.",
      skills=ML_SKILLS,
      scenario=sc("Growers risk losing trees, not just a crop, if the wrong blocks go dry.",
                  who=["growers", "the water district", "agronomists"],
                  limits=["240 blocks, one soil probe per block", "pumps can serve 30 blocks a night"],
                  hooks=["Is losing a tree worse than losing a season's yield?",
                         "How much do we trust a probe that has not been recalibrated?",
                         "Can a grower override the plan for a block they know is stressed?"])),
    q("ediscovery-review", ML,
      "A law firm's associates spend weeks reviewing millions of emails for privileged content before handing "
      "them to the other side. Design a way to cut that review time without leaking anything privileged.",
      "Sets the acceptable miss rate from the legal cost of a leak and keeps a human on every withheld item.",
      skills=ML_SKILLS,
      scenario=sc("Associates burn out on review, and one privileged email handed over can lose a case.",
                  who=["associates", "partners", "the client"],
                  hooks=["What recall on privileged documents would a court accept?",
                         "Which documents must a human always see?",
                         "How do we use the associates' decisions as labels without biasing them?"])),
    q("contractor-payroll", SD,
      "Contractors paid through our platform in nine countries are often paid two or three days late because "
      "each country's bank file is built by hand. Design the payout system.",
      "Makes payouts idempotent per contractor and period and handles a bank that rejects half a file.",
      skills=("reliability", "api-design"),
      scenario=sc(who=["contractors", "the finance team", "partner banks"],
                  limits=["85,000 payouts on the last working day of each month", "nine bank file formats"],
                  hooks=["What happens when a bank rejects part of a file?",
                         "Can a payout be sent twice, and how would we notice?",
                         "Who may hold a payout, and on what evidence?"])),
    q("coop-game-sync", SD,
      "Players of our four-player co-op game see teammates teleport when one of them is on a phone network "
      "with 300 ms spikes, and they quit matches. Design the state synchronisation between clients and server.",
      "Chooses what the server is authoritative for and hides latency without letting players cheat.",
      skills=("distributed-systems",)),
    q("elevator-dispatch", SD,
      "Office workers in our 52-storey tower wait up to four minutes for a lift at 9 am. Design the dispatch "
      "controller for the 16 cars, given that two are often out of service.",
      "Groups riders by destination and explains how dispatch changes when cars go out of service.",
      skills=("algorithms", "reliability")),
    q("interlibrary-holds", SD,
      "Readers in our 120-branch library network wait weeks for a book that is sitting on a shelf two "
      "branches away, because holds are filled only from the reader's home branch. Design the hold system.",
      "Balances van routes against wait times and copes with catalogue records that disagree with shelves.",
      skills=("storage-systems", "algorithms"),
      scenario=sc(who=["readers", "branch staff", "van drivers"],
                  hooks=["How often is the catalogue wrong about what is on a shelf?",
                         "Is a shorter wait worth another van stop?",
                         "What happens to a hold when a book goes missing in transit?"])),
    q("coding-rate-limiter", "coding", "Implement a rate limiter.",
      "Keeps per-key state bounded and handles clock skew.", skills=("algorithms",), stage="filter", minutes=45),
]

VAGUE_BAD = [
    q("marketplace-fraud", ML, "Design a fraud detection system for an online marketplace.",
      "Knows how fraud models are trained and deployed.", skills=ML_SKILLS),
    q("music-recs", ML, "Design a recommendation engine for a music streaming app.",
      "Understands recommender system architecture.", skills=ML_SKILLS),
    q("design-twitter", SD, "Design Twitter.", "Can design a large social network.",
      skills=("distributed-systems",)),
    q("chat-50m", SD, "Design a chat application for 50 million users.",
      "Knows how to scale a messaging service.", skills=("distributed-systems",)),
    q("email-spam", ML, "Build a spam filter for our email product.",
      "Can build a text classifier end to end.", skills=ML_SKILLS),
    q("video-feed-generic", ML, "Design the video recommendation system.",
      "Designs a recommender.", skills=ML_SKILLS,
      scenario=sc("Users want to see relevant videos.", who=["users"],
                  hooks=["What is the expected scale?", "What data do we have?"])),
    q("autocomplete-arch", SD,
      "Design a search autocomplete system. Discuss the architecture, caching strategy and database choice.",
      "Covers the main components of an autocomplete service.", skills=("storage-systems",)),
    q("churn-predict", ML, "Design a system to predict customer churn.",
      "Applies ML to a business problem.", skills=ML_SKILLS),
    q("eta-service", ML, "Design an ETA prediction service for a food delivery app.",
      "Knows regression and serving.", skills=ML_SKILLS),
    q("rideshare-backend", SD, "Design the backend for a ride-sharing app like Uber.",
      "Can design a location-based service.", skills=("distributed-systems",)),
    q("notification-generic", SD, "Design a notification system.",
      "Understands fan-out and queues.", skills=("distributed-systems",),
      scenario=sc(who=["users"],
                  hooks=["What is the QPS?", "What are the functional requirements?",
                         "Which database should we use?"])),
    q("moderation-generic", ML, "Design a content moderation system for a social network.",
      "Knows classification pipelines.", skills=ML_SKILLS),
    q("kv-store-bare", SD, "Design a distributed key-value store.",
      "Understands replication and partitioning.", skills=("distributed-systems", "storage-systems")),
    q("product-photo-tagging", ML, "Design an image classification pipeline for product photos.",
      "Understands computer vision pipelines.", skills=("deep-learning", "data-pipelines")),
    q("docs-rag-bot", ML, "Design a RAG chatbot over our internal documentation.",
      "Knows retrieval-augmented generation.", skills=("llm-applications",)),
    q("ticket-routing-adjectives", ML, "Design a system that routes support tickets to the right team.",
      "Designs a ticket classifier.", skills=ML_SKILLS,
      scenario=sc("Tickets need to be routed.",
                  limits=["must be scalable", "must be highly available", "low latency"])),
    q("hotel-booking-generic", SD,
      "Design a hotel booking system. What are the requirements? How would you scale it? Which database would "
      "you use?",
      "Covers requirements, scaling and storage for a booking site.", skills=("storage-systems",)),
    q("ads-ctr-generic", ML, "Design a click-through-rate prediction system for ads.",
      "Knows CTR models.", skills=ML_SKILLS,
      scenario=sc("Advertisers need their ads to be shown to the right users.",
                  who=["advertisers", "users"])),
]


# -- LT112 mislabeled-interview ------------------------------------------------------

MISLABELED_GOOD = [
    q("shortener-with-schema", SD,
      "Design a link shortener that takes 150 million new links a month and serves 20 times as many redirects. "
      "Sketch the API and write the storage schema, then tell us what happens when one region goes dark.",
      "Derives storage and read load from the numbers and keeps redirects working through a regional outage.",
      skills=("api-design", "storage-systems")),
    q("refund-endpoint-design-review", SD, CODE_REVIEW_PROMPT,
      "Spots the injection, the lost update under concurrency and the non-idempotent ledger call.",
      skills=("reliability", "api-design"), stage="filter", minutes=30),
    q("ferry-booking", SD,
      "Our island ferry sells 1,400 car spaces a day across six crossings, and on bank holidays 30,000 people "
      "try to book in the first ten minutes. Design the booking service so that no deck space is sold twice "
      "and the site stays up.",
      "Separates queueing from allocation and explains how holds expire under load.",
      skills=("distributed-systems", "capacity-estimation")),
    q("what-breaks-websockets", SD,
      "What would it take to hold 2 million concurrent websocket connections for our live sports scores? "
      "Design the gateway tier, say how a deploy avoids disconnecting everyone at once, and estimate the "
      "number of machines.",
      "Estimates connections per host and designs draining so a deploy does not cause a reconnect storm.",
      skills=("distributed-systems", "capacity-estimation")),
    q("explain-your-cdn-design", SD,
      "Explain how you would design the cache hierarchy for a video platform serving 8 Tbps at peak from 40 "
      "edge sites, and what happens to the origin when an edge site fails.",
      "Sizes cache tiers against origin load and plans for the thundering herd after an edge failure.",
      skills=("storage-systems", "capacity-estimation")),
    q("scam-payments-ml", ML,
      "Customers of our bank are being talked into transferring their savings to scammers. Find a way to stop "
      "it without blocking the large payments people genuinely make, like a house deposit.",
      "Defines the label from confirmed scam reports and picks the intervention point and its false-alarm cost.",
      skills=ML_SKILLS,
      scenario=sc("Customers lose savings they will never get back.",
                  who=["customers", "fraud analysts"],
                  hooks=["Where do our labels come from, and how late do they arrive?",
                         "What does a false hold cost a legitimate customer?"])),
    q("llm-serving-capacity", ML,
      "Our chat assistant runs a 13B model on 16 A100s and p95 time to first token has gone from 400 ms to "
      "2.5 s since we launched in two new countries. Design the serving changes.",
      "Reasons about batching, KV-cache memory per request and quantisation and what each does to quality.",
      skills=("inference-serving", "model-compression")),
    q("grocery-substitutions", ML,
      "When an item is out of stock, our personal shoppers pick a substitute, and customers reject about a "
      "third of them. Design a system that suggests substitutes the customer will accept.",
      "Uses acceptance and rejection as labels, watches for the feedback loop, and picks an offline metric.",
      skills=ML_SKILLS),
    q("drift-in-credit", ML,
      "Our credit-limit model was trained before interest rates doubled. Design how we would notice that its "
      "predictions have gone wrong and what we do about it.",
      "Distinguishes input drift from label drift with delayed defaults and plans retraining and fallback.",
      skills=("ml-monitoring", "evaluation")),
    q("p99-by-endpoint", "coding",
      "Our load balancer writes one line per request: timestamp, endpoint and latency in ms. Write a function "
      "that reads a stream of these lines and returns the p99 latency for each endpoint over the last five "
      "minutes.",
      "Keeps a bounded window per endpoint and explains the memory cost of exact percentiles.",
      skills=("algorithms", "code-quality"), stage="filter", minutes=45),
    q("token-bucket-code", "coding",
      "Implement an in-process token bucket for our API gateway: allow(client_id, now) returns True or False. "
      "Then explain how its memory grows with the number of clients.",
      "Writes a correct refill calculation and bounds memory for idle clients.",
      skills=("algorithms", "code-quality"), stage="filter", minutes=45),
    q("design-and-implement-trie", "coding",
      "Design and implement an autocomplete class with insert(word, weight) and top(prefix, k).",
      "Picks a trie with per-node top-k and explains the update cost of caching results.",
      skills=("algorithms",), stage="filter", minutes=45),
    q("fix-the-merge", "coding",
      "The function below is meant to merge overlapping calendar bookings but loses some of them. Find the bug "
      "and fix it.\n\n    def merge(bookings):\n        out = []\n        for s, e in sorted(bookings):\n"
      "            if out and s < out[-1][1]:\n                out[-1][1] = e\n            else:\n"
      "                out.append([s, e])\n        return out\n",
      "Finds the max() missing in the overlap case and tests touching intervals.",
      skills=("debugging", "algorithms"), stage="filter", minutes=30),
    q("trace-the-output", "coding",
      "Read this generator pipeline and tell me what it prints, then change it so the file is closed even when "
      "a line fails to parse.",
      "Reasons about lazy evaluation and resource cleanup in generators.",
      skills=("code-quality", "debugging"), stage="filter", minutes=30),
    q("expression-evaluator", "coding",
      "Write an evaluator for arithmetic expressions with +, -, *, / and parentheses, without using eval.",
      "Handles precedence with a recursive-descent parser and reports a useful error position.",
      skills=("parsing-compilers",), flavor="compiler", stage="filter", minutes=45),
    q("wrote-code-fast", "behavioral",
      "Tell me about a time you had to write code quickly to stop a production incident. What did you skip, "
      "and what did you go back and fix?",
      "Whether the candidate knows which corners are safe to cut under pressure and closes the loop afterwards.",
      skills=("ownership", "reliability"), minutes=30),
    q("disagree-with-lead", "behavioral",
      "Describe a technical decision you disagreed with. How did you make your case, and what happened?",
      "Argues from evidence, commits once the decision is made and can name what they learned.",
      skills=("collaboration", "communication"), minutes=30),
    q("deep-dive-own-project", "project-deep-dive",
      "Walk us through a project you are proud of: the problem, what made it hard, what you would do "
      "differently, and which parts of the system you personally built.",
      "Separates their own contribution from the team's and explains one hard tradeoff in depth.",
      skills=("communication", "technical-leadership")),
    q("deep-dive-debug-story", "project-deep-dive",
      "Pick a model you trained that did worse in production than offline. Take us through how you found out "
      "why and what you changed.",
      "Traces an offline-online gap to a concrete cause such as leakage or skew.",
      skills=("evaluation", "debugging")),
    q("career-next-role", "career-chat",
      "What do you want to be doing in two years that you cannot do in your current job?",
      "Whether the candidate's next step is hands-on modelling, infrastructure or leading people, and if we offer it.",
      skills=("career-motivation",), minutes=30),
    q("kl-asymmetry", "math-quiz",
      "Explain why the KL divergence between two distributions is not symmetric, with a small example.",
      "Builds a two-point example where swapping the arguments changes the value.",
      skills=("statistics",), stage="filter", minutes=20),
    q("imbalanced-scaffold", "data-modeling",
      "Here is a notebook that trains a classifier on 80,000 insurance claims. Improve its validation AUC; "
      "there is at least one bug.",
      "Finds the leakage through the claim date and fixes the split before tuning anything.",
      skills=("modeling", "data-analysis")),
    q("sensor-ingest-unusual", SD,
      "A volcano observatory has 300 seismometers on the mountain sending 100 samples a second each over "
      "radio links that drop for hours. Design the pipeline that gets data to the duty seismologist within "
      "10 seconds and fills the gaps later.",
      "Separates the low-latency alert path from the complete archive and handles late data.",
      skills=("data-pipelines", "reliability")),
    q("kv-store-numbers", SD,
      "Design a replicated key-value store for session data: 600,000 writes a second, 5 ms p99 reads, and no "
      "lost writes when a single machine dies. Which consistency model do you pick and why?",
      "Chooses a replication and quorum scheme from the latency and durability targets.",
      skills=("distributed-systems", "storage-systems")),
    q("ranking-metric-choice", ML,
      "Job seekers on our site apply to listings that have already been filled. Design the ranking for the "
      "search results page.",
      "Chooses an outcome metric beyond clicks and designs around stale listings in the training data.",
      skills=ML_SKILLS),
    q("coding-with-system-words", "coding",
      "Our service has a cache in front of a slow database. Implement get(key) for an LRU cache with a fixed "
      "capacity so that both get and put run in O(1).",
      "Combines a hash map and a linked list and keeps them consistent on eviction.",
      skills=("algorithms", "code-quality"), stage="filter", minutes=45),
]

MISLABELED_BAD = [
    q("lru-in-sd", SD, "Implement an LRU cache class with get(key) and put(key, value), both in O(1) time.",
      "Knows caching.", skills=("algorithms",)),
    q("merge-k-in-sd", SD, "Write a function that merges k sorted linked lists into one sorted list.",
      "Solves the merge efficiently with a heap.", skills=("algorithms",)),
    q("cap-trivia", SD,
      "What is the CAP theorem? Explain the difference between consistency and availability.",
      "Understands distributed-systems theory.", skills=("distributed-systems",)),
    q("tcp-udp-trivia", SD, "Explain the difference between TCP and UDP and when you would use each.",
      "Knows networking fundamentals.", skills=("distributed-systems",)),
    q("isolation-levels-list", SD,
      "List the four SQL isolation levels and the anomalies each one allows.",
      "Knows database isolation levels.", skills=("storage-systems",)),
    q("consistent-hashing-why", SD,
      "What are the advantages of consistent hashing over modulo hashing?",
      "Understands consistent hashing.", skills=("distributed-systems",)),
    q("recs-in-ml-clothing", ML,
      "Design a video recommendation service. Discuss the API gateway, the caching layer, database sharding and "
      "autoscaling.",
      "Can scale a recommendation service.", skills=("distributed-systems",)),
    q("photo-tagging-infra", ML,
      "Design a photo tagging service that handles 10,000 uploads a second. Cover the load balancers, the "
      "message queue, object storage and the CDN.",
      "Designs a high-throughput upload pipeline.", skills=("distributed-systems",)),
    q("ml-buzzword-recital", ML,
      "Design a loan default predictor. Walk through the microservices, the REST API and the database, and "
      "mention how you would handle class imbalance and overfitting.",
      "Mentions precision and recall and knows the main components.", skills=("api-design",)),
    q("ml-server-monitoring", ML,
      "Design the deployment for our image classifier: containers, Kubernetes autoscaling, and dashboards for "
      "CPU, memory and p99 latency with alerts to on-call.",
      "Knows how to run a service in production.", skills=("reliability",)),
    q("hashmap-resize-talk", "coding", "Explain how a hash map resizes and what amortised cost means.",
      "Understands hash tables.", skills=("algorithms",), stage="filter", minutes=30),
    q("btree-vs-lsm-talk", "coding", "Discuss the tradeoffs between B-trees and LSM trees for a write-heavy workload.",
      "Knows storage engines.", skills=("storage-systems",), stage="filter", minutes=30),
    q("shortener-in-coding", "coding",
      "How would you design a URL shortener? Talk through the components and how they scale.",
      "Designs a URL shortener.", skills=("distributed-systems",), stage="filter", minutes=45),
    q("notifications-in-coding", "coding",
      "Describe how you would architect a notification service for 100 million users, including the queues "
      "and the retry policy.",
      "Understands fan-out architecture.", skills=("distributed-systems",), stage="filter", minutes=45),
    q("behavioral-with-code", "behavioral",
      "Tell me about yourself. Then write a function that reverses a linked list.",
      "Communicates clearly and can code.", skills=("communication",), minutes=30),
    q("deep-dive-with-snippet", "project-deep-dive",
      "Walk us through your last project. Then tell us what this prints:\n\n    x = [1, 2, 3]\n    y = x\n"
      "    y.append(4)\n    print(x)\n",
      "Knows Python references.", skills=("communication",)),
    q("career-chat-fizzbuzz", "career-chat",
      "Before we talk about your goals, implement FizzBuzz in any language you like.",
      "Checks basic coding before the chat.", skills=("career-motivation",), minutes=30),
    q("gc-trivia-in-sd", SD, "How does garbage collection work in the JVM? Describe the generations.",
      "Knows JVM internals.", skills=("reliability",)),
]


# -- LT113 missing-signal ------------------------------------------------------------

def sig(id, signal, *, type="coding", title=None, prompt=None, skills=("algorithms",), **fields):
    return q(id, type, prompt or f"Interview question {id.replace('-', ' ')}, as written in the bank.", signal,
             title=title, skills=skills, stage="filter", minutes=45, **fields)


SIGNAL_GOOD = [
    sig("trie-prune", "Picks a trie and prunes on prefix mismatch.", title="Word search on a grid"),
    sig("batch-latency", "Separates throughput from latency when sizing inference batches.",
        type="ml-system-design", title="Serving a chat model", skills=("inference-serving",)),
    sig("false-hold-cost", "Communicates clearly what a false hold costs a legitimate customer.",
        type="ml-system-design", title="Payment scams", skills=("ml-problem-framing",)),
    sig("owns-missed-deadline", "Owns a missed deadline without blaming others and names what changed after.",
        type="behavioral", title="A project that slipped", skills=("ownership",)),
    sig("next-role-shape", "Whether they want hands-on modelling or leading a team next.",
        type="career-chat", title="Career goals", skills=("career-motivation",)),
    sig("kv-cache-memory", "Reasons about KV-cache memory per request when choosing a batch size.",
        type="system-design", title="LLM serving capacity", skills=("inference-serving",)),
    sig("rate-limiter-regions", "Keeps per-region counters and bounds over-admission during a partition.",
        type="system-design", title="Rate limiter for the public API", skills=("distributed-systems",)),
    sig("leakage-split", "Finds leakage through the claim date before tuning the model.",
        type="data-modeling", title="Insurance claims notebook", skills=("data-analysis",)),
    sig("bayes-by-hand", "Updates a prior with a false-positive rate without a calculator.",
        type="math-quiz", title="Screening test", skills=("statistics",)),
    sig("heap-ties", "Uses a size-k min-heap; breaks ties by timestamp.", title="Top k events"),
    sig("idempotent-payouts", "Makes each payout idempotent per contractor and pay period.",
        type="system-design", title="Contractor payouts", skills=("reliability",)),
    sig("recursive-descent", "Handles precedence and associativity with recursive descent.",
        title="Expression evaluator", skills=("parsing-compilers",)),
    sig("offline-online-gap", "Traces an offline-online gap to a concrete cause such as training-serving skew.",
        type="project-deep-dive", title="A model that regressed", skills=("evaluation",)),
    sig("label-delay", "Notices default labels arrive 12 months late and plans around it.",
        type="ml-system-design", title="Credit limit drift", skills=("ml-monitoring",)),
    sig("checkpoint-interval", "Derives a checkpoint interval from the cluster's failure rate.",
        type="system-design", title="Training job recovery", skills=("distributed-training",)),
    sig("clear-tradeoff-explanation",
        "Explains the tradeoff between write amplification and read latency in plain words.",
        type="system-design", title="Storage engine choice", skills=("storage-systems",)),
    sig("disagree-commit", "Argues from data, then commits once the decision is made.",
        type="behavioral", title="Disagreeing with a lead", skills=("collaboration",)),
    sig("window-memory", "Bounds per-endpoint memory with a sliding window or sketch.",
        title="p99 per endpoint"),
    sig("softmax-derivative", "Derives the softmax Jacobian and simplifies it with cross-entropy.",
        type="math-quiz", title="Softmax gradient", skills=("linear-algebra-calculus",)),
    sig("terse-idempotency", "Retries safely: idempotency keys, bounded backoff.",
        type="system-design", title="Webhook delivery", skills=("reliability",)),
    sig("mentoring-evidence", "Gives a specific example of growing a junior engineer's scope over a year.",
        type="behavioral", title="Growing others", skills=("technical-leadership",)),
    sig("draft-acceptance", "Links draft acceptance rate to end-to-end speedup.",
        type="coding", title="Speculative decoding", skills=("inference-serving",)),
    sig("intervals-max", "Spots the missing max() when intervals overlap.",
        title="Merge bookings", skills=("debugging",)),
    sig("collapse-vs-reorder", "Frames triage as reordering the worklist, not diagnosing.",
        type="ml-system-design", title="Radiology worklist", skills=("ml-problem-framing",)),
    sig("reconnect-storm", "Drains connections gradually so a deploy avoids a reconnect storm.",
        type="system-design", title="Websocket gateway", skills=("distributed-systems",)),
    sig("quantisation-quality", "Checks what int8 quantisation does to rare-token accuracy before shipping.",
        type="ml-system-design", title="Cheaper serving", skills=("model-compression",)),
    sig("remote-fit", "Whether they have worked fully remote across time zones and what they need to do it well.",
        type="career-chat", title="Working style", skills=("career-motivation",)),
]

SIGNAL_BAD = [
    sig("tbd", "TBD", title="Interval scheduling"),
    sig("na", "n/a", type="system-design", title="Photo storage", skills=("storage-systems",)),
    sig("todo-fill", "TODO: write the signal", title="Graph cycles"),
    sig("question-marks", "???", type="behavioral", title="Conflict", skills=("collaboration",)),
    sig("good-communication", "Good communication.", type="behavioral", title="Explaining to a PM",
        skills=("communication",)),
    sig("problem-solving", "Tests the candidate's problem-solving skills.", title="Islands in a grid"),
    sig("coding-ability", "Strong coding ability and attention to detail.", title="String compression"),
    sig("sd-skills", "Assesses the candidate's system design skills.", type="system-design",
        title="Hotel reservations", skills=("storage-systems",)),
    sig("title-echo", "Can design a parking garage payment system.", type="system-design",
        title="Parking garage payment system", skills=("api-design",)),
    sig("depth-breadth", "Technical depth and breadth.", type="system-design", title="Search indexing",
        skills=("storage-systems",)),
    sig("analytical-communication", "Shows strong analytical thinking and clear communication.",
        type="ml-system-design", title="Churn", skills=("ml-problem-framing",)),
    sig("how-well-code", "How well they code.", title="Matrix rotation"),
    sig("general-ml", "General ML knowledge and understanding.", type="ml-system-design", title="Spam filter",
        skills=("ml-fundamentals",)),
    sig("leadership-ownership", "Demonstrates leadership and ownership.", type="behavioral",
        title="Leading a project", skills=("ownership",)),
    sig("see-rubric", "See rubric.", type="system-design", title="Feature flags", skills=("reliability",)),
    sig("solve-problem", "Whether the candidate can solve the problem.", title="Word ladder"),
    sig("ambiguity", "The candidate's ability to think on their feet and handle ambiguity.",
        type="ml-system-design", title="Marketplace search", skills=("ml-problem-framing",)),
    sig("title-echo-ml", "Tests whether the candidate can build a fraud detection model.",
        type="ml-system-design", title="Fraud detection model", skills=("ml-problem-framing",)),
]


# -- LT114 missing-references ----------------------------------------------------------

SCENE = sc("Night-shift nurses miss deteriorating patients because vital-sign alarms fire constantly.",
           who=["ward nurses", "rapid-response team"],
           limits=["about 350 alarms per bed per day", "28 wards"],
           hooks=["Which alarms led to an intervention last year?", "Who may silence an alarm class?"])


def ref(id, type=ML, scenario=SCENE, **fields):
    return q(id, type, "Nurses on our wards are drowning in alarms and miss the ones that matter. Fix it.",
             "Ties alarm thresholds to the cost of a missed deterioration and plans a safe rollout.",
             skills=ML_SKILLS if type == ML else ("reliability",), scenario=scenario, **fields)


REFERENCES_GOOD = [
    ref("alarm-with-report", references=["Joint Commission sentinel event alert on alarm fatigue"]),
    ref("alarm-with-url", references=["https://www.ecri.org/top-10-health-technology-hazards"]),
    ref("alarm-with-paper", type=SD,
        references=["Drew et al., 'Insights into the problem of alarm fatigue with physiologic monitor "
                    "devices', PLOS ONE 2014"]),
    ref("alarm-internal-postmortem", references=["Internal post-mortem INC-4471: missed sepsis on ward 9"]),
    ref("alarm-regulation", type=SD, references=["IEC 60601-1-8 alarm systems standard"]),
    ref("alarm-blog", references=["Engineering blog: how we cut bedside alarms by 60%"]),
    ref("alarm-several", references=["Hospital alarm audit 2025", "Nursing union survey on alarms"]),
    ref("alarm-retired-no-refs", status="retired"),
    ref("alarm-leaked-no-refs", type=SD, status="leaked"),
    q("bare-design-no-scenario", SD,
      "Design a webhook delivery service that retries for 72 hours and never delivers an event twice to a "
      "receiver that acknowledged it.",
      "Uses idempotency keys and bounded backoff and explains the duplicate window.",
      skills=("reliability",)),
    q("ml-no-scenario", ML,
      "Sellers on our marketplace get fewer sales after we changed the ranking. Find out why and fix it.",
      "Separates a ranking regression from seasonality with a holdout.", skills=ML_SKILLS),
    q("coding-no-refs", "coding", "Write a function that returns the k most frequent words in a stream.",
      "Uses a count map and a size-k heap.", skills=("algorithms",), stage="filter", minutes=45),
    q("behavioral-no-refs", "behavioral", "Tell me about an incident you led the response to.",
      "Keeps a timeline, delegates and writes a blameless review.", skills=("reliability", "ownership"),
      minutes=30),
    ref("math-quiz-with-scene", type="math-quiz"),
    ref("deep-dive-with-scene", type="project-deep-dive"),
    ref("career-with-scene", type="career-chat"),
    ref("data-modeling-with-scene", type="data-modeling"),
    ref("coding-with-scene", type="coding"),
    ref("behavioral-with-scene", type="behavioral"),
    ref("alarm-vendor-manual", type=SD, references=["Philips IntelliVue alarm configuration guide, rev. K"]),
    ref("alarm-incident-writeup", references=["Hospital safety board investigation report HSIB/2023/07"]),
    ref("alarm-dataset-source", references=["MIMIC-IV waveform database documentation"]),
    ref("alarm-staff-interviews", type=SD,
        references=["Interviews with 14 charge nurses, March 2026 (notes in the team drive)"]),
    ref("alarm-book", references=["Wachter, The Digital Doctor, chapter 14"]),
    ref("alarm-two-kinds", type=SD, references=["FDA MAUDE reports on monitor alarms",
                                                "https://example.org/alarm-study"]),
]

REFERENCES_BAD = [
    ref("alarm-none"),
    ref("alarm-none-sd", type=SD),
    ref("alarm-empty-list", references=[]),
    ref("alarm-empty-list-sd", type=SD, references=[]),
    ref("alarm-none-staff", levels=["staff"]),
    ref("alarm-none-filter", type=SD, stage="filter", minutes=30),
    ref("alarm-none-owner", owner="clinical-ml"),
    ref("alarm-none-reviewed", type=SD, last_reviewed="2026-10-02"),
    ref("alarm-none-active", status="active"),
    ref("alarm-placeholder-tbd", references=["TBD"]),
    ref("alarm-placeholder-todo", type=SD, references=["TODO"]),
    ref("hooks-only-scene", type=SD,
        scenario=sc(hooks=["How many alarms fire per shift?", "Which ones are acted on?"])),
    ref("need-only-scene", scenario=sc("Nurses cannot tell urgent alarms from noise.")),
    ref("constraints-only-scene", type=SD, scenario=sc(limits=["28 wards", "350 alarms per bed per day"])),
    ref("alarm-none-junior", levels=["junior"]),
    ref("alarm-none-notes", type=SD, notes="Reveal the alarm counts only when asked."),
]


SETS = {
    "LT111": (VAGUE_GOOD, VAGUE_BAD),
    "LT112": (MISLABELED_GOOD, MISLABELED_BAD),
    "LT113": (SIGNAL_GOOD, SIGNAL_BAD),
    "LT114": (REFERENCES_GOOD, REFERENCES_BAD),
}

# Known limits, kept visible: (code, id) -> why the rule cannot match the label.
KNOWN_MISSES: dict[tuple[str, str], str] = {}


def _findings(folder, questions, codes):
    bank = folder / "bank.yaml"
    bank.write_text(yaml.safe_dump({"questions": questions}, sort_keys=False), encoding="utf-8")
    return lint([str(bank)], LintOptions(today=dt.date(2026, 11, 24), select=codes)).findings


@pytest.fixture(scope="module")
def flagged(tmp_path_factory):
    """For each rule, the ids it flags when its own labelled set is linted with that rule alone."""
    return {code: {f.subject for f in _findings(tmp_path_factory.mktemp(code), good + bad, [code])}
            for code, (good, bad) in SETS.items()}


def _labelled():
    for code, (good, bad) in SETS.items():
        for label, items in (("good", good), ("bad", bad)):
            for item in items:
                reason = KNOWN_MISSES.get((code, item["id"]))
                marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
                yield pytest.param(code, item["id"], label, id=f"{code}-{label}-{item['id']}", marks=marks)


def test_each_rule_has_enough_cases_with_unique_ids():
    for code, (good, bad) in SETS.items():
        ids = [item["id"] for item in good + bad]
        assert len(good) >= 25 and len(bad) >= 15, code
        assert len(ids) == len(set(ids)), code


def test_every_case_is_a_valid_question(tmp_path):
    everything = [item for good, bad in SETS.values() for item in good + bad]
    assert [f.message for f in _findings(tmp_path, everything, ["LT008", "LT010"])] == []


@pytest.mark.parametrize("code,qid,label", list(_labelled()))
def test_rule_agrees_with_label(flagged, code, qid, label):
    assert (qid in flagged[code]) == (label == "bad"), f"{code} on {qid}: expected {label}"
