app-title = Faisceau
app-tagline = Identifying minors who are victims of exploitation and trafficking, together
lang-name = English

# Launcher
launcher-practise = Practise a case
launcher-host = Host a workshop
launcher-join = Join a workshop
preview-view-as = View as:
launcher-author = Author preview
launcher-settings = Language and display
settings-language = Language
settings-scale = Text size
settings-contrast = High contrast (projector)

# Case picker
picker-title = Choose a case
picker-duration = Duration: { $minutes } min
picker-roles = Roles
picker-content-note = Content note
picker-choose-role = Choose your role
picker-start = Start with this role
picker-title-preview = Author preview: choose a case
picker-none = No case found in { $folder }.
picker-open-file = Open a case file
picker-open-file-hint = path of the .ron file
picker-open = Open
picker-open-failed = Cannot open { $path }: { $reason }
picker-empty-next = No case is loaded: open a case file on the left (its path), or start Faisceau from the project folder.
picker-choose-case = Choose a case on the left.
picker-open-preview = Open the author preview of this case
preview-change-case = Change case
picker-next-step = Read the content note, then choose your role: bots will play the others.

# Role card
card-mission = Mission
card-powers = Decisions you may take
card-secrecy = Secrecy and sharing
card-budget = Working time per phase: { $hours }
card-back-to-desk = Back to my desk
card-begin = I have read my card, begin
card-no-powers = No decision of your own: your strength is what you know and share.

# Desk
desk-phase = Phase { $index }/{ $count } · { $phase }
desk-time-left = Your time left: { $time }
desk-waiting = The session has not started: read your card.
desk-paused = The table is paused.
desk-ended = The session is over.
desk-next-step = Next step: { $hint }
hint-act = take an action to uncover information.
hint-tag = add what you know to your bundle of indicators.
hint-share = share what the law allows with the roles who need it.
hint-decide = a decision is open to you.
hint-answer = a proposed conclusion awaits your answer.
hint-conclude = this is the last phase: propose a conclusion or answer a colleague's (Conclusion tab).
hint-out-of-time = your time for this phase is used up; the next phase will give you more.
hint-listen = nothing to do for now: wait for what your colleagues pass on to you (Received tab).
tab-file = File
tab-actions = Actions
tab-share = Share
tab-inbox = Received
toast-received-many = { $count } pieces of information received from your colleagues: read them in "Received".
desk-notices-more = { $count ->
    [one] and 1 more notice
   *[other] and { $count } more notices
}
tab-decisions = Decisions
tab-conclusion = Conclusion
tab-messages = Messages
file-empty = You know nothing beyond your card yet. Take an action.
file-learned = learned at { $time }
file-from = passed on by { $role } · { $channel }
file-discovered = found by you
file-tags = Indicators
file-add-tag = Add to the bundle
file-people = People
file-trust = Trust: { $level }/5
bundle-title = My bundle of indicators
bundle-empty = Your bundle is empty: link pieces of information to indicators.
actions-cost = { $time }
actions-take = Take
actions-done = already taken
actions-results = What your actions gave
share-choose-clues = 1. What to share
share-choose-to = 2. With whom
share-verdict = What the legal frame says
share-send = Share
share-send-breach = Share despite the breach of secrecy
share-confirm-breach = I understand this share breaches secrecy and will be raised in the debrief.
share-nothing = Choose at least one piece of information and one recipient to see the verdict.
share-strict = Only what is strictly necessary may be shared.
inbox-empty = Nothing received yet.
inbox-from = From { $role }, through { $channel }, at { $time }
decisions-none = Your profession takes no decision of its own in this case.
decisions-take = Decide
decisions-taken = Decisions taken at the table
conclusion-none-ended = The session ended without a conclusion adopted by the table.
conclusion-propose = Propose a conclusion to the table
conclusion-choose = Conclusion
conclusion-orientation = Orientation
conclusion-reason = Why (your indicators)
conclusion-submit = Propose
conclusion-open = Proposal by { $role }: { $conclusion }
conclusion-waiting = Waiting for: { $roles }
conclusion-endorse = Endorse
conclusion-reject = Reject
conclusion-reject-reason = Reason for rejecting
conclusion-adopted = Conclusion adopted: { $conclusion }
messages-empty = No messages.
messages-hint = Hint from the trainer
notes-title = My notes
notes-add = Add the note
refused = Refused: { $reason }
go-debrief = See the debrief

# Verdicts, channels, purposes
verdict-allowed = Allowed
verdict-caution = Allowed with caution
verdict-breach = Breach of secrecy

# Trainer console
trainer-title = Trainer console
trainer-spoilers = Show the solution and every clue
trainer-start = Start
trainer-resume = Resume
trainer-pause = Pause
trainer-next-phase = Next phase
trainer-end = End
trainer-injects = Events
trainer-release = Release
trainer-released = released
trainer-hint = Send a hint
trainer-hint-to-all = To the whole table
trainer-notes = Observer notes
trainer-progress = Table progress
trainer-role-clues = { $count ->
    [0] No information yet
    [one] 1 piece of information
   *[other] { $count } pieces of information
}
trainer-role-bundle = { $count ->
    [0] Empty bundle
    [one] Bundle: 1 tag
   *[other] Bundle: { $count } tags
}
trainer-clues-known = { $known } pieces of information
trainer-projector = Open the projector window
trainer-bundle = Bundle: { $size }
trainer-solution = Solution

# Projector
projector-waiting = Waiting for participants
projector-join = Join: { $address } — code { $code }
projector-local = Local session on this computer

# Debrief
debrief-title = Debrief
debrief-table = The table
debrief-conclusion-correct = Correct conclusion: { $conclusion }
debrief-conclusion-wrong = Conclusion to revisit: { $conclusion } (expected: { $expected })
debrief-no-conclusion = No conclusion adopted (expected: { $expected })
debrief-time = Identification: { $time } (scenario time)
debrief-bundle = Bundle of indicators by category
debrief-graph = Who told whom what
debrief-decisions = Expected decisions
debrief-on-time = on time ({ $time })
debrief-late = late ({ $time }, due { $deadline })
debrief-missing = not taken
debrief-unexpected = not expected ({ $time })
debrief-teaching = Learning points
debrief-roles = Role by role
debrief-found = Information obtained
debrief-missed = Information within reach, missed
debrief-sent = Shares sent
debrief-traps = Traps
debrief-trap-fallen = trap: { $clue }
debrief-trap-avoided = trap avoided: { $clue }
debrief-share-trap = tempting share made: { $clue } — { $note }
debrief-key-shares = Key shares
debrief-reached = reached
debrief-not-reached = never reached
debrief-breaches = Breaches of secrecy: { $count }

# Overlays
reload-error = The case file or its rulebook has an error: the last valid version keeps running.
reload-unreadable = The case file cannot be read ({ $path }): { $reason }. The last valid version keeps running; save the file again to reload it.
reload-breaks = The case changed in a way that breaks the running session: { $reason }
reload-restart = Restart with the new version
reload-applied = New version of the case loaded.

# Workshop on the network
back = Back
host-title = Host a workshop
host-intro = Trainees join the workshop from their own computers, on the same network, with the code shown on the projector. Each table plays the case on its own.
host-name = Workshop name
host-tables = Number of tables
host-code = Code (optional)
host-code-hint = a new code is made
host-case = Case to play
host-roles = { $count } roles per table; roles nobody takes can be given to bots.
host-open = Open the workshop
host-join-at = Join at: { $address }
host-join-browser = Browser: { $url }
host-code-is = Code: { $code }
host-free = Free
host-disconnected = Disconnected (their role waits for them): { $names }
web-tagline = Training workshop: identifying minors who are victims of, or at risk of, sexual exploitation
join-title = Join a workshop
join-intro = Type your name, and the code and address shown on the projector. Workshops found on this network are listed below.
join-intro-browser = Type your name and the code shown on the projector (already filled in if you scanned the QR code).
join-name = Your name
join-code = Workshop code
join-address = Workshop address
join-found = Workshops found on this network
join-search = Search again
join-none-found = No workshop found yet: type the address shown on the projector.
join-go = Join
join-busy = Connecting…
join-fill = Fill in your name, the code and the address to continue.
join-fill-browser = Type your name and the code to continue.
join-wrong-code = Wrong code: check it on the projector and type it again.
join-version = Different version: you have Faisceau { $mine }, the workshop runs { $theirs }. Install the same version as the trainer.
join-slow-down = Too many attempts from this computer: wait a minute, then try again.
join-no-answer = No workshop answers at { $address }: check the address, that the workshop is open, and that both computers are on the same network.
join-bad-address = “{ $address }” is not an address: type it as shown on the projector, for example 192.168.1.20:5170.
join-code-length = A join code has 8 characters, such as K7QX-M2PD; this one has { $count }.
join-code-character = “{ $char }” is not used in join codes (they use digits 2 to 9 and capitals except I and O).
join-network-error = Network error on this computer: { $why }
join-found-none-cli = No workshop found on this network: type the address shown on the projector, for example `faisceau join 192.168.1.20:5170 --code K7QX-M2PD`.
join-found-several-cli = Several workshops on this network; give the address of yours:
join-time-limit = Time limit reached before the table ended.
join-bots-failed = { $failed } of { $count } bots did not finish.
lobby-connecting = Connecting to “{ $workshop }”…
lobby-choose = Read the content note above, then choose a table and a free role.
lobby-seated = Your role is chosen: the role card opens. The trainer will start the table.
lobby-take = Take this role
lobby-leave = Leave this role
link-closed-after-end = The workshop has closed: your debrief stays here to read.
link-lost = Connection lost: reconnecting, your role is waiting for you.
table-n = Table { $n }
seat-free = free
seat-bot = bot
seat-disconnected = { $name } (disconnected)
status-waiting = waiting
status-running = running
status-paused = paused
status-ended = ended
refused-role-taken = This role is already taken by { $name }: choose another.
refused-no-name = Give your name first.
refused-bad-name = Your name must have 1 to 40 characters.
refused-name-in-use = This name belongs to someone still connected to the workshop. If it is you coming back after a drop, we are taking your seat back: wait a few seconds, the app tries again by itself.
refused-no-such = This table or role does not exist in the workshop.
refused-table-full = Every role at this table is taken: choose another table.
refused-not-seated = Choose a role first.
refused-table-started = The table has started: ask the trainer to seat you.
refused-malformed = The workshop could not read a message from this computer.
refused-too-fast = Too many requests from this computer at once: the workshop set some aside. Wait a second and try again.
projector-join-at = To join, start Faisceau, choose “Join a workshop”, and type:
projector-join-browser = In a browser (laptop, tablet, phone), open:
projector-join-app = Or in the Faisceau app, "Join a workshop": { $address }
projector-scan = Or scan this with a phone or tablet: the workshop code is filled in.
projector-code = Code
projector-join-how = Then choose a table and a role.
projector-compare = The tables side by side
projector-no-conclusion = No conclusion adopted

# Arrows and check marks are missing from the interface font: words instead.
discussion-proposed = { $who } proposes: { $conclusion }. { $reason }
discussion-endorsed = { $who } agrees with the proposal.
discussion-rejected = { $who } disagrees: { $reason }
share-preview-to = to { $name }

# Sharing through legal frames and acts
share-frame = 3. Under which legal frame
share-frame-first-to = Choose a recipient first: which frames are open depends on their profession.
share-frame-none = No legal frame is open toward all these recipients at once: choose them one at a time.
share-frame-closed = { $count ->
    [one] One other frame is closed toward this recipient
   *[other] { $count } other frames are closed toward this recipient
}
share-closed = Frame closed
share-case-why = This case departs from the rulebook: { $why }
share-record = This frame carries facts, not a file's history: the verdict is stricter.
share-copy = This frame requires a copy to: { $to }.
share-cannot = This share is not possible under this frame: remove the information or the recipient concerned, or choose another frame.
share-mine = My shares ({ $count })
share-sent-line = { $time } · to { $to }, under "{ $frame }" ({ $count ->
    [one] one piece of information
   *[other] { $count } pieces of information
})
share-copy-sent = Copy sent to: { $to }
acts-heading = Acts (requisitions, hearings, summonses)
acts-received = { $act } no. { $number } — from { $role }, { $time }
acts-issued = { $act } no. { $number } — to { $role }, { $time }
acts-scope = Covers: { $scope }
acts-scope-all = any useful information
acts-declined = Declined: { $reason }
acts-answered = Answered.
acts-how-to-answer = To answer, share the information requested under "{ $frame }", or decline with a legitimate reason.
acts-decline-reason = Reason for declining:
acts-answer = Answer: prepare the share
acts-decline = Decline
acts-issue = Issue: { $act }
acts-to = To:
acts-covering = Covers:
acts-issue-button = Issue the { $act }
debrief-share = { $time } » { $to } — { $frame } — { $verdict }
debrief-share-act = , in answer to: { $act } no. { $number }
debrief-acceptable = acceptable in part ({ $time })
debrief-instead = , by: { $decision }
debrief-by = , by { $role }

# faisceau rulebook: the tables for legal review
rb-as-of = State of the law on { $date } (rulebook `{ $id }`).
rb-generated = This document is made by `faisceau rulebook` from the rulebook's file: correct the file, not this document. Every case that names this rulebook applies these rules; a case may add exceptions for its story, each with its reason.
rb-professions = Professions and their secrecy regime
rb-professions-head = Id | Profession | Secrecy | Basis
rb-classes = Kinds of information
rb-classes-head = Id | Kind | Nature
rb-record = a file's history
rb-fact = facts
rb-acts = Acts that open a frame
rb-acts-head = Act | Issued by | Addressed to | Basis | Explanation
rb-frames = Legal frames of sharing
rb-frames-intro = One row per frame, then its exceptions, read in order: the first that applies decides. A share outside any open frame goes through the informal exchange.
rb-frames-head = Frame | From | To | What it carries | Verdict | Basis | Explanation
rb-anyone = any profession
rb-addressee = the act's addressee
rb-issuer = the act's issuer
rb-opened-by = opened by: { $act }
rb-copy-to = copy required to: { $to }
rb-exception = Exception: { $when }
rb-sender-bound = sender bound { $regime }
rb-secrecy-professional = by professional secrecy
rb-secrecy-discretion = by discretion
rb-secrecy-none = by no secrecy
rb-carries-strict = what is strictly necessary
rb-carries-facts = the facts the sender chooses
rb-carries-file = the whole file
rb-to-confirm = Points to confirm with a lawyer
rb-situations = Situations of fact
rb-situations-intro = Some frames are open only in a state of fact. Each case says when these situations hold in its story; while they do not, the frame is closed and the share dialog says why.
rb-situations-head = Id | Situation | When it does not hold, the trainee reads
rb-requires = only if: { $situation }
rb-while = while: { $situation }
rb-closed = Closed
rb-closed-no-act = without a { $act } received
rb-closed-between = this frame does not link these professions
rb-suite = Verdict suite
rb-suite-intro = Concrete shares, with the verdict the law gives them and the article or review point that says so, played against the rulebook by `faisceau rulebook … --verify`. A lawyer who corrects a verdict corrects one line and sees what else changes; ✗ marks a difference.
rb-suite-head = No. | Share | Expected | Judged by the rulebook | Basis
rb-suite-share = { $from } → { $to }: { $class }, through "{ $frame }"
rb-suite-not-relevant = a detail tied to no indicator
rb-suite-situations = situation: { $list }
rb-suite-no-situation = no particular situation
rb-suite-after = after: { $act }
rb-suite-ok = All { $count } shares are judged as expected.
rb-suite-differences = { $count ->
    [one] One share is not judged as expected.
   *[other] { $count } shares are not judged as expected.
}
rb-suite-frame-unchecked = No line checks the frame `{ $frame }`.
rb-suite-exception-unchecked = No line checks exception no. { $number } of the frame `{ $frame }`.
share-choose-frame = Choose a legal frame above to see the verdict before sending.
hint-answer-act = an act is addressed to you (Share tab): answer within its scope, or decline with a legitimate reason.
conclusion-rule-unanimity = Adoption rule: the table adopts a conclusion when every role endorses it.
conclusion-rule-majority = Adoption rule: the table adopts a conclusion when more than half of the roles endorse it.
discussion-lacking = my evidence is not enough yet in the category "{ $category }".

# Refusals: why the engine refused a command (ids and arguments worded here)
refusal-not-started = The session has not started yet: read your role card while the trainer gets ready.
refusal-paused = The table is paused: you can read your file, but not act.
refusal-ended = The session is over: time for the debrief.
refusal-already-running = The session is already running.
refusal-not-running = The session is not running.
refusal-unknown-role = This role does not exist in this case.
refusal-unknown-action = This action does not exist in this case.
refusal-not-your-action = This action belongs to another profession.
refusal-already-done = You have already taken this action.
refusal-over-budget = Not enough time left in this phase: this takes { $needed }, you have { $left } left.
refusal-unmet-knowledge = You still lack some information: take actions and read what your colleagues pass on (the game does not say which, as in real life).
refusal-unmet-decision = This needs a decision first: { $name }.
refusal-unmet-phase = Not possible before this phase: { $name }.
refusal-unmet-phase-over = No longer possible after this phase: { $name }.
refusal-unmet-action = Take this action first: { $name }.
refusal-unmet-act = This needs an act first: { $name }.
refusal-unmet-circumstances = The situation does not allow it yet.
refusal-unmet-trust = { $name } does not trust you enough yet: trust is built over several contacts.
refusal-unknown-decision = This decision does not exist in this case.
refusal-not-your-power = This decision is not among your profession's powers.
refusal-already-decided = This decision has already been taken.
refusal-nothing-to-share = Choose at least one piece of information to share.
refusal-no-recipient = Choose at least one recipient.
refusal-share-with-self = You cannot share with yourself.
refusal-unknown-recipient = There is no role "{ $id }" at this table.
refusal-not-held = You can only share or tag information you hold.
refusal-unknown-indicator = This indicator does not exist in this case.
refusal-already-tagged = This indicator is already in your bundle.
refusal-not-tagged = This indicator is not in your bundle.
refusal-unknown-conclusion = This conclusion does not exist in this case.
refusal-unknown-orientation = This orientation does not exist in this case.
refusal-no-open-proposal = No proposal is under discussion.
refusal-stale-proposal = This proposal has been replaced or closed: read the current one.
refusal-own-proposal = You cannot endorse or reject your own proposal.
refusal-already-endorsed = You have already endorsed this proposal.
refusal-empty-text = Write a few words.
refusal-too-long = This text is too long (2,000 characters at most).
refusal-control-characters = This text holds control characters: remove them.
refusal-too-many-notes = You have written as many notes as a session allows.
refusal-unknown-inject = This event does not exist in this case.
refusal-already-released = This event has already been released.
refusal-unavailable = This is not possible as things stand.
refusal-off-duty = You are off duty in this phase.
refusal-unknown-frame = This legal frame does not exist in this case's rulebook.
refusal-unknown-act = This act does not exist in this case's rulebook.
refusal-not-your-act = This act is not among your profession's powers in this case.
refusal-not-an-addressee = { $act } can only be addressed to: { $only }.
refusal-unknown-class = There is no kind of information "{ $id }" in this case's rulebook.
refusal-empty-scope = Say what the act covers: at least one kind of information.
refusal-no-such-act = No standing act with this number is addressed to you.
closed-not-from = { $frame }: not open to your profession.
closed-not-to = { $frame }: closed to this recipient; it only leads to: { $only }.
closed-no-act = { $frame }: no { $act } received from { $who }.
closed-no-situation = { $frame }: closed, { $why }.
closed-out-of-scope = Act no. { $number } does not cover this kind of information: { $class }.
share-law-as-of = The rulebook's rules, state of the law on { $date }.

# The desk (issue 12)
desk-clock-help = The scenario time at the table: the furthest any role has reached. Every date shown reads on this clock.
desk-welcome-back = Welcome back: you have your seat again, and everything you did is kept.
desk-solo-ready = Once you have read your card, start the session: the other roles are played by the computer.
desk-start = Start the session
desk-end-session = End the session
desk-new = New
confirm-next-title = Move on to the next phase: { $phase }?
confirm-next-body = Time moves on for the whole table. What you have not done in this phase cannot be done again under the same conditions.
confirm-next-yes = Move on to the next phase
confirm-end-title = End the session?
confirm-end-body = This is the last phase: the session stops for the whole table and the debrief opens. No more actions, shares or votes will be possible.
confirm-cancel = Cancel
bundle-help = Each piece of information filed under an indicator counts for its category. Here: how many indicators you have backed; at the debrief, each category's weight is compared with a minimum.
bundle-coverage = { $covered } of { $count } indicators
feed-title = Activity
feed-empty = Nothing has happened at the table yet.
feed-result = Your action "{ $action }": { $found }
feed-received = Received from { $role } under "{ $frame }" ({ $count ->
    [one] one piece of information
   *[other] { $count } pieces of information
})
feed-act-received = { $act } received from { $role }
feed-act-issued = { $act } sent to { $role }
feed-decision = Decision taken: { $decision } ({ $role })
feed-phase = Phase { $index }/{ $count }: { $phase }
feed-trust-up = { $person }'s trust goes up ({ $from } → { $to }/5)
feed-trust-down = { $person }'s trust goes down ({ $from } → { $to }/5)
actions-nothing-new = nothing new.
actions-found-at = Result, { $time }:
share-done = Shared with { $to } under "{ $frame }" ({ $count ->
    [one] one piece of information
   *[other] { $count } pieces of information
})
share-summary = { $count ->
    [one] One piece of information
   *[other] { $count } pieces of information
} → { $to } · "{ $frame }"
share-send-allowed = Send only to: { $to }
share-mine-empty = You have not shared anything yet.
file-help = Newest first. File each piece of information under an indicator: one click on a chip.
file-untag-help = Click to remove this indicator.
file-tags-close = Close the indicators
file-more-sources = { $count ->
    [one] one other source
   *[other] { $count } other sources
}
file-fewer-sources = Fold the sources
conclusion-endorsed-by = Endorsed by: { $roles }
conclusion-discussion = The table's discussion
debrief-back-desk = Back to the desk
debrief-launcher = Home
debrief-quit = Quit
debrief-key-share = "{ $clue }" → { $role }: { $reached }
debrief-bundle-legend = For each category: the weight of the information the table filed, then the minimum it had to gather (the dark line). "7 / 3": a weight of 7 for a minimum of 3.
card-begin-help = You can read this card again at any time: it does not go away.
card-time = Your time
desk-read-card = Read my card again
refused-seat-held = A seat in your name is waiting at table { $table }. This is not the computer on which you took it: the trainer can put you back on it in one click.
join-taking-seat-back = Taking your seat back…
close-seat-title = Leave the workshop?
close-seat-body = Your table goes on without you. Your seat waits for you: open Faisceau again on this computer and join the workshop under the same name to find it, with everything you did.
close-host-title = Close the workshop?
close-host-body = Tables are in play: they stop for everyone. Nothing is lost: the journal keeps every table and every seat, and "faisceau host --resume { $journal }" reopens the workshop where it was.
close-stay = Stay
close-quit = Quit anyway
trainer-bundle-score = { $category }: weight { $weight } for a minimum of { $required }
host-default-name = Faisceau workshop
trainer-time-left = Time left: { $time }

# The PEARLS debrief and the report (issue 13)
pearls-title = Structured debrief (PEARLS)
pearls-intro = Reactions, description, analysis, application, summary: questions drawn from what each table did.
pearls-reactions = Reactions
pearls-description = Description
pearls-analysis = Analysis
pearls-application = Application
pearls-summary-title = Summary
pearls-reactions-prompt = How do you feel after this case? What surprised, troubled or reassured you?
pearls-concluded-correct = Table { $table }: concluded "{ $conclusion }" (identified at { $time }). Ask which indicator tipped the table.
pearls-concluded-wrong = Table { $table }: concluded "{ $conclusion }". Ask what led to this reading and what was missing.
pearls-concluded-none = Table { $table }: no conclusion adopted. Ask where the discussion stopped.
pearls-breach = Table { $table }: { $from } shared "{ $what }" with { $to } under "{ $frame }" at { $time }, beyond what the law allows. Ask what they weighed.
pearls-decision-none = No table took "{ $decision }" in time. Ask what held the decision back.
pearls-decision = "{ $decision }": { $nlate ->
    [0] {""}
   *[other] taken late ({ $late }).
} { $nmissing ->
    [0] {""}
   *[other] never taken ({ $missing }).
} Ask what held the decision back.
pearls-key-share = "{ $clue }" never reached { $to } at { $count ->
    [one] { $count } table
   *[other] { $count } tables
} of { $of }. Ask who knew it and what stopped them passing it on.
pearls-trap = The trap "{ $clue }" caught { $count ->
    [one] { $count } table
   *[other] { $count } tables
} of { $of }. Ask what made it convincing.
pearls-category = Category "{ $category }": minimum not reached at { $count ->
    [one] { $count } table
   *[other] { $count } tables
} of { $of }. Ask which indicators of this category were there to find.
pearls-teaching = "{ $point }" ({ $tables }): ask how it would go in your own service.
pearls-summary = { $solved ->
    [one] { $solved } table
   *[other] { $solved } tables
} of { $of } identified the situation; { $breaches ->
    [0] no share
    [one] { $breaches } share
   *[other] { $breaches } shares
} beyond the legal frame. Ask each person for one point to keep for their practice.
report-tables = { $count ->
    [one] one table
   *[other] { $count } tables
}
report-from = From
report-to = To
report-frame = Frame (pieces of information)
report-verdict = Verdict
report-bases = The legal bases of the verdicts
report-bases-none = No share had a verdict other than "allowed".
report-person-role = { $role }, table { $table }
report-my-decisions = My decisions
report-my-shares = My shares
report-none = None.
report-remember = Points to remember
report-opened = Report { $file } opened in the browser (journals folder).
room-pearls-fold = Debriefing prompts (PEARLS)
report-written = Report written to { $file }.
host-write-report = Open the workshop report (HTML)
pearls-wait = The structured debrief's questions compare the tables: they show once every table has ended ({ $ended } of { $count }).
projector-expected = Expected conclusion: { $conclusion }
projector-legend = Green ✓: the category's minimum reached · orange ⚠: not reached · "7/3": weight gathered / minimum
trainer-sent = Sent to this table
trainer-sent-inject = { $time } · event released: { $inject }
trainer-sent-hint = { $time } · hint to { $to }: "{ $text }"
room-all-tables = All tables
room-start-table = Start this table
room-projector-close = Close the projector
room-projector-open = Open the projector
room-start = { $count ->
    [0] No table waiting
    [one] Start the waiting table
   *[other] Start the { $count } waiting tables
}
room-pause = { $count ->
    [one] Pause the running table
   *[other] Pause the { $count } tables
}
room-resume = { $count ->
    [one] Resume the paused table
   *[other] Resume the { $count } tables
}
room-next = Next phase everywhere
room-end = End the workshop
room-keep-names = Keep the trainees' names in the archive
room-archive = Archive the workshop
room-archived = Workshop archived as number { $id } ({ $names }).
room-archived-names = names kept
room-archived-pseudonyms = names replaced by pseudonyms
room-waiting = Waiting for a seat ({ $count })
room-waiting-none = Nobody is waiting: trainees who join appear here.
room-seat-how = Choose a person, then a free seat below.
room-free = Free seats ({ $count })
room-free-none = No free seat: at the start, seats still free go to bots.
table-short = T{ $n }
room-give-bot = Give this role to a bot
room-held = Seats to take back
room-held-how = These people lost their connection. If they come back on another computer, choose them in the waiting list, then their seat.
room-open-table = Open
room-phase = Phase { $n }/{ $of }
room-coverage = Bundle: { $covered }/{ $of } categories
room-adopted = Conclusion adopted: { $conclusion }
room-adopted-wrong = Conclusion adopted, not the expected one: { $conclusion }
room-proposal = Proposal: { $conclusion } — waiting for: { $waiting }
room-proposal-wrong = Proposal (not the expected one): { $conclusion } — waiting for: { $waiting }
room-idle = Nothing for { $minutes } min
room-stuck = { $count } proposals rejected
room-next-title = Move { $count ->
    [one] the running table
   *[other] the { $count } running tables
} to the next phase?
room-next-body = Each table moves to its next phase, whichever phase it is in. A table in its last phase ends.
room-end-title = End { $count ->
    [one] the table still open
   *[other] the { $count } tables still open
}?
room-end-body = The sessions stop for everyone and the debriefs open. No more actions, shares or votes will be possible. The journal keeps everything.
room-end-yes = End the workshop
console-next-body = Time moves on for the whole table. What its members did not do in this phase can no longer be done in the same conditions.
console-end-title = End this table's session?
console-end-body = The session stops for the whole table and the debrief opens. No more actions, shares or votes will be possible.
console-solution-title = Show the solution on this console?
console-solution-body = The solution and every clue appear here, and never on the projector window. If your screen is mirrored on the projector, the room will see it: switch to an extended display first.
console-solution-yes = Show the solution
trainer-solution-private = The solution never appears on the projector.
report-pseudonym = Trainee { $n }
archive-empty = The archive holds no workshop yet.
archive-list-header = Number | Date | Workshop | Case | Tables | Names
archive-tables-solved = { $tables ->
    [one] { $tables } table
   *[other] { $tables } tables
}, { $solved } solved
archive-names-kept = names kept
archive-pseudonyms = pseudonyms
archive-id = Number:
archive-breach-line = { $count } breach(es) of secrecy through "{ $frame }"
archive-no-report = The report was not kept (a workshop imported from another archive with names).
archive-show-html = The whole report: faisceau archive show NUMBER --html report.html
archive-stats-head = { $workshops ->
    [one] { $workshops } workshop
   *[other] { $workshops } workshops
}, { $tables ->
    [one] { $tables } table
   *[other] { $tables } tables
}: { $solved } solved ({ $rate } %), { $correct } with the expected conclusion
archive-stats-time = Time to identification: from { $low } to { $high }, median { $median }
archive-stats-breaches = Breaches of secrecy, by frame
archive-stats-traps = Traps, by how many tables they caught
archive-stats-late = Decisions taken late
archive-stats-missing = Decisions never taken
archive-tally = { $tables ->
    [one] { $tables } table
   *[other] { $tables } tables
} of { $of } ({ $count } times)
archive-stats-title = Faisceau archive statistics
archive-stats-intro = Computed over { $count ->
    [one] { $count } archived workshop
   *[other] { $count } archived workshops
}, without any trainee's name.
archive-stats-outcome = How tables ended
archive-chart-solved = Case solved (conclusion and bundle)
archive-chart-correct = Expected conclusion adopted
archive-chart-legend = Each bar counts the tables concerned, of all the tables that played this case.
archive-kept = Workshop archived as number { $id } ({ $names }) in { $file }.
archive-kept-again = Workshop already archived as number { $id }: its entry is replaced ({ $names }).
archive-forgotten = Workshop { $id } deleted from the archive.
archive-journal-deleted = Journal deleted: { $file }
archive-journal-kept = Journal not found, nothing else to delete: { $file }
archive-imported = { $added ->
    [one] { $added } workshop added
   *[other] { $added } workshops added
}, { $skipped } already there.
archive-not-found = No workshop has the number "{ $id }": "faisceau archive list" gives them.
room-bots = { $count ->
    [one] 1 bot
   *[other] { $count } bots
}
room-free-seats = { $count ->
    [one] 1 free seat
   *[other] { $count } free seats
}
room-at-table = At table { $n }
projector-here = Already here: { $count }
projector-no-seat-yet = No seat yet:
projector-nobody-yet = Names appear here as people join.
projector-phase = Phase
projector-phases-differ = The tables are in different phases
projector-elapsed = Workshop time: { $elapsed } of the { $planned } planned for this case
projector-bundle = Bundle: { $met ->
    [one] { $met } category
   *[other] { $met } categories
} of { $of }
graph-other = Others
graph-legend = One arrow each way between two roles; the number in the badge: the pieces of information passed on. Colour: the most severe verdict of those shares. Roles stand by professional family.
timeline-title = Timeline
timeline-all = The whole table
timeline-trainer = Trainer
timeline-action = did: { $action }
timeline-learned = learned: { $clue }
timeline-sent = shared { $count ->
    [one] { $count } piece of information
   *[other] { $count } pieces of information
} with { $to } under "{ $frame }" ({ $verdict })
timeline-received = received { $count ->
    [one] { $count } piece of information
   *[other] { $count } pieces of information
} from { $from }
timeline-decided = decided: { $decision }
timeline-proposed = proposed the conclusion: { $conclusion }
timeline-endorsed = endorsed proposal no. { $number }
timeline-rejected = rejected proposal no. { $number }: "{ $reason }"
timeline-note = Observer's note: { $text }
timeline-key = The key moments
timeline-every-step = Show every step (actions, information learned and received)
projector-row-conclusion = Conclusion
projector-row-time = Identification
projector-row-decisions = Decisions on time
projector-row-key-shares = Key shares
projector-row-breaches = Breaches of secrecy
projector-expected-one = expected
projector-none = none
projector-of = { $done } of { $of }
timeline-rejected-plain = rejected proposal no. { $number }
room-coverage-line-free = { $category }: weight { $weight } (no minimum for this category)
room-coverage-line = { $category }: { $weight } for a minimum of { $required }
check-roles = { $count ->
    [one] { $count } role
   *[other] { $count } roles
}
check-clues = { $count ->
    [one] { $count } clue
   *[other] { $count } clues
}
check-actions = { $count ->
    [one] { $count } action
   *[other] { $count } actions
}
check-decisions = { $count ->
    [one] { $count } decision
   *[other] { $count } decisions
}
check-warnings = { $count ->
    [one] { $count } warning
   *[other] { $count } warnings
}
check-errors = { $count ->
    [one] { $count } error
   *[other] { $count } errors
}
check-files = { $count ->
    [one] { $count } file checked
   *[other] { $count } files checked
}
check-professions = { $count ->
    [one] { $count } profession
   *[other] { $count } professions
}
check-kinds = { $count ->
    [one] { $count } kind of information
   *[other] { $count } kinds of information
}
check-acts = { $count ->
    [one] { $count } act
   *[other] { $count } acts
}
check-frames = { $count ->
    [one] { $count } frame
   *[other] { $count } frames
}
check-points = { $count ->
    [one] { $count } point
   *[other] { $count } points
}
check-case-ok = ✓ { $file } — { $title }
check-case-counts = { $roles }, { $clues }, { $actions }, { $decisions }; languages: { $languages }; { $warnings }
check-case-rulebook = rulebook: { $rulebook } ({ $file }), law as of { $date }
check-failed = ✗ { $file }: { $errors }, { $warnings }
check-rulebook-read = rulebook read: { $file }
check-summary = { $files }: { $ok } ok, { $failed } with errors
check-suite-ok = ✓ { $file } — verdict suite: { $shares } shares judged as expected by { $rulebook }
check-rulebook-ok = ✓ { $file } — rulebook { $name }
check-rulebook-counts = { $professions }, { $kinds }, { $acts }, { $frames }; law as of { $date }; { $points } to confirm with a lawyer
check-solvable = solvable: { $solvable }; reachable: { $clues }, { $actions }, { $decisions }
check-yes = yes
check-no = no
check-bundle = bundle (reachable/required): { $bundle }
check-role-reach = clues per role (own + shared): { $reach }
check-no-file = no .ron file found
report-moments-legend = Similar shares by one role are folded into one line; allowed shares are in the graph.
report-moments-none = No questionable share, no proposal, no late decision.
report-moment-shares = { $shares ->
    [one] one share
   *[other] { $shares } shares
} under "{ $frame }" to { $to } ({ $count ->
    [one] { $count } piece of information
   *[other] { $count } pieces of information
}): { $verdict }
report-moment-late = decided after the deadline ({ $deadline }): { $decision }
report-moment-missed = did not take the expected decision: { $decision }
report-table-continued = Table { $n } (continued)
report-quoted = "{ $text }"
report-moment-rejected = rejected proposal no. { $number }
report-moment-why = { $what }: { $reasons }
report-moment-rejected-by = rejected by { $roles }

# The author preview: the case's map and the figures of each save.
preview-tab-play = Play the case
preview-tab-map = Map and figures
author-studying = Checking and simulating save no. { $number }…
author-version = Version no. { $number }, read at { $at }
author-solvable = the case is solvable
author-unsolvable = the case is not solvable
author-runs = { $runs } simulated runs (seed { $seed }): the same bot tables play every version, so a change comes from the edit.
author-broken = Save no. { $number } ({ $at }) does not load. Fix it and save again; the figures shown are still those of version no. { $kept }.
author-broken-first = Save no. { $number } ({ $at }) does not load. Fix it and save again.
author-unreadable = The case file cannot be read: { $reason }
author-changes = What the last save changed
author-figures = This version's figures
author-first-hint = Edit the case or its rulebook in your editor and save: the new version is checked and simulated, and its figures show here beside these. What moved is shown in colour.
author-column-version = no. { $number }
author-outcomes = Outcomes
author-solved = Solved (conclusion and bundle)
author-right-conclusion = Right conclusion
author-wrong-conclusion = Wrong conclusion
author-runs-with-breach = Runs with a breach
author-breaches-per-run = Breaches per run
author-clues-found = Clues found
author-key-shares = Key shares: reached
author-decisions-in-time = Decisions: in time
author-traps-caught = Traps: caught
author-share-trap = { $id } (share)
author-injects-fired = Injects: fired
author-column-change = Change
author-moved = { $count ->
    [0] No figure moved.
    [one] One figure moved.
   *[other] { $count } figures moved.
}
author-new = new
author-gone = removed
author-warnings = Warnings from the check
author-no-warning = The check reports nothing.
author-bundle = Bundle minimums
author-zoom-in = Zoom in
author-zoom-out = Zoom out
author-zoom-fit = Fit to width
author-print = To print the map (A3 landscape): faisceau map { $file } --html map.html
author-decision-hint = Requires: { $requires } · deadline: { $deadline } · held by: { $holders }
