app-title = Faisceau
app-tagline = Identifying minors who are victims of exploitation and trafficking, together
lang-name = English

# Launcher
launcher-practise = Practise a case
launcher-host = Host a workshop
launcher-join = Join a workshop
launcher-author = Author preview
launcher-settings = Language and display
launcher-network-soon = Hosting and joining over the network arrive with the next version: for now, practise alone or use the author preview.
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
picker-next-step = Read the content note, then choose your role: bots will play the others.

# Role card
card-mission = Mission
card-powers = Decisions you may take
card-secrecy = Secrecy and sharing
card-budget = Working time per phase: { $hours }
card-begin = I have read my card, begin
card-no-powers = No decision of your own: your strength is what you know and share.

# Desk
desk-phase = { $phase } ({ $index }/{ $count })
desk-time-left = Time left in this phase: { $time }
desk-waiting = The session has not started: read your card.
desk-paused = The table is paused.
desk-ended = The session is over.
desk-next-step = Next step: { $hint }
hint-act = take an action to uncover information.
hint-tag = add what you know to your bundle of indicators.
hint-share = share what the law allows with the roles who need it.
hint-decide = a decision is open to you.
hint-answer = a proposed conclusion awaits your answer.
hint-wait = your time for this phase is used up: wait for the next phase.
tab-file = File
tab-actions = Actions
tab-share = Share
tab-inbox = Received
tab-decisions = Decisions
tab-conclusion = Conclusion
tab-messages = Messages
file-empty = You know nothing beyond your card yet. Take an action.
file-learned = learned at { $time }
file-from = received from { $role } ({ $channel })
file-discovered = found by you
file-tags = Indicators
file-add-tag = Add to the bundle:
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
share-channel = 3. Through which channel
share-purpose = 4. For what purpose
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
channel-secret-partage = Shared secrecy (secret partagé)
channel-information-preoccupante = Information préoccupante (CRIP)
channel-signalement = Report to the prosecutor (signalement)
channel-requisition = Judicial requisition
channel-hearing = Hearing
channel-informal = Informal conversation
purpose-evaluate = Evaluate the situation
purpose-protect = Protect
purpose-investigate = Investigate
purpose-coordinate = Coordinate

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
debrief-time = Identified at { $time } of scenario time
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
debrief-key-shares = Key shares
debrief-reached = reached
debrief-not-reached = never reached
debrief-breaches = Breaches of secrecy: { $count }

# Overlays
reload-error = The case file has an error: the last valid version keeps running.
reload-breaks = The case changed in a way that breaks the running session: { $reason }
reload-restart = Restart with the new version
reload-applied = New version of the case loaded.
