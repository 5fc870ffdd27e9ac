# reflect checkin: a leader rates their network (issue 17). Each step of each scale
# is one line; `step` is the number typed (1 to 4).

checkin-part-organising = Organising the network
checkin-part-conditions = Conditions for joint action
checkin-part-session = The network's sessions

checkin-scale-purpose = purpose
checkin-scale-structure = structure
checkin-scale-processes = processes
checkin-scale-collaboration = collaboration
checkin-scale-reciprocity = reciprocity
checkin-scale-trust = trust
checkin-scale-focus = focus
checkin-scale-agenda = agenda
checkin-scale-working_share = working together
checkin-scale-convener = convener
checkin-scale-stage = stage

checkin-ask-purpose = Shared purpose: what moves the schools to work together?
checkin-ask-structure = Structure: roles, calendar and ways of meeting
checkin-ask-processes = Processes: how the network plans, works and follows up
checkin-ask-collaboration = Collaboration between the schools
checkin-ask-reciprocity = Reciprocity: giving and receiving
checkin-ask-trust = Trust between members
checkin-ask-focus = Focus: how much of the network's time goes to teaching and learning in the schools
checkin-ask-agenda = Who sets the agenda of the sessions?
checkin-ask-working_share = In the last session, how much of the time went to working together rather than informing?
checkin-ask-convener = Who convenes the network?
checkin-ask-stage = Which stage of development is the network at?
checkin-ask-note = A note for yourself (kept in your journal only; Enter skips):

checkin-step-purpose = { $step ->
    [1] Set by the convener; members receive it
    [2] Discussed together, not yet agreed
    [3] Agreed by the members and written down
   *[4] Owned by the members and guiding the network's decisions
}
checkin-step-structure = { $step ->
    [1] None agreed: the network meets when it is called
    [2] A calendar, but roles and responsibilities are unclear
    [3] Roles, calendar and ways of meeting are agreed
   *[4] The agreed structure works and members adjust it together
}
checkin-step-processes = { $step ->
    [1] No shared way to plan or to follow up
    [2] Some routines, used unevenly
    [3] Shared routines to plan, work and follow up agreements
   *[4] Everyone uses the routines and reviews them to improve them
}
checkin-step-collaboration = { $step ->
    [1] Each school reports on its own work
    [2] Schools exchange experiences and materials
    [3] Schools work together on shared tasks
   *[4] Schools design and carry out improvements together, sharing responsibility
}
checkin-step-reciprocity = { $step ->
    [1] A few give, most receive
    [2] Members give when they are asked
    [3] Every school both contributes and benefits
   *[4] Offering and asking for help is how everyone works
}
checkin-step-trust = { $step ->
    [1] Members are guarded: problems stay hidden
    [2] Successes are shared, difficulties rarely
    [3] Difficulties are discussed openly
   *[4] Members open their schools and practice to one another (visits, honest feedback)
}
checkin-step-focus = { $step ->
    [1] Sessions are mostly administration or information
    [2] Some time goes to teaching and learning; little reaches the schools
    [3] Most time goes to teaching and learning in the schools
   *[4] Teaching and learning drive the agenda, and the work reaches classrooms
}
checkin-step-agenda = { $step ->
    [1] The convener alone
    [2] The convener, with input from members
    [3] The convener and the members together
   *[4] The members, in turn
}
checkin-step-working_share = { $share ->
    [0] None: the whole session was information
    [25] About a quarter
    [50] About half
    [75] About three quarters
   *[100] All of it: the whole session was joint work
}
checkin-convener = { $convener ->
    [supervisor] The Mineduc supervisor
    [sostenedor] The sostenedor or SLEP (DAEM/DEM, municipal corporation)
    [directivos] The school leadership teams, by turns
   *[other] Someone else
}

checkin-intro = Network check-in ({ $network }): how does your network work today? Each step is described; type its number. Enter skips a question, ? means you don't know.
checkin-hint-step = Your answer for { $question } (1-4, ? don't know, Enter skips):
checkin-hint-share = Your answer for { $question } (0, 25, 50, 75 or 100, ? don't know, Enter skips):
checkin-hint-choice = Your answer for { $question } (number or id, ? don't know, Enter skips):
checkin-not-a-choice = '{ $answer }' is not one of the choices; try again (Enter skips).
checkin-dont-know = don't know

checkin-saved = Check-in saved for { $date }: { $answered ->
    [one] 1 answer
   *[other] { $answered } answers
}{ $unknown ->
    [0] {""}
   *[other] {" "}({ $unknown } don't know)
}.
checkin-nothing = Nothing saved: a check-in needs at least one answer (a value or ? for don't know).
checkin-needs-answers = a check-in needs at least one answer: give one of --purpose, --structure, --processes, --collaboration, --reciprocity, --trust, --focus, --working-share, --agenda, --convener or --stage
checkin-needs-terminal = checkin asks its questions on a terminal; without one, give the answers as flags (e.g. --purpose 3 --trust 2; see `reflect checkin --help`)
checkin-bad-step = { $flag }: '{ $value }' is not a valid value; use 1, 2, 3 or 4 (or ? or 0 for don't know)
checkin-bad-share = { $flag }: '{ $value }' is not a valid value; use 0, 25, 50, 75 or 100 (or ? for don't know)
checkin-bad-convener = { $flag }: '{ $value }' is not a valid value; use supervisor, sostenedor, directivos or other (or ? for don't know)
checkin-bad-stage = { $flag }: '{ $value }' is not a stage of the pack '{ $pack }'; use one of { $choices } (or ? for don't know)
checkin-no-stages = { $flag }: the pack '{ $pack }' defines no stages of development ([[stages]]); a trainer's pack may add them

checkin-latest = Latest network check-in ({ $date }):
checkin-changes = Changed since the check-in of { $date }:
checkin-no-changes = No answer changed since the check-in of { $date }.
checkin-change = { $question } { $from } → { $to }
checkin-changes-caption = A change is not a score: a network may rightly move either way.
checkin-share-value = { $share }%
checkin-count = { $count ->
    [one] 1 check-in so far.
   *[other] { $count } check-ins so far.
}
checkin-offer = Your last network check-in was { $days } days ago.
checkin-offer-first = You have not rated your network yet.

packs-stages = Stages of a network, earliest first (asked by `reflect checkin`; type the id with --stage):
home-menu-checkin = [w] write · [c] check-in · [l] list · [p] progress · [q] quit:{" "}

checkin-cohort-title = Network check-ins by group: the median and range of each answer. A group is shown from { $min } participants with a check-in, an answer from { $min } answers.
checkin-cohort-group = { $group } ({ $count } participants with a check-in)
checkin-cohort-no-group = (no group)
checkin-cohort-held-back = { $group }: held back ({ $count ->
    [one] 1 participant
   *[other] { $count } participants
} with a check-in; at least { $min } are needed)
checkin-cohort-row = median { $median }, range { $low } to { $high } ({ $answered } answers)
checkin-cohort-row-held = held back ({ $answered } answers; at least { $min } are needed)

checkin-chart-title = Network check-ins by group: median and range of each answer (1 to 4)
checkin-chart-group = Group
checkin-chart-answer = Answer
checkin-chart-median = Median
checkin-chart-range = Range

# Why a stored check-in line cannot be read (after "skipped a damaged line").
checkin-line-unknown-kind = unknown record kind '{ $kind }'
checkin-line-no-field = a check-in has no '{ $field }'
checkin-line-value-and-dont-know = '{ $id }' has a value and is in 'dont_know'
checkin-line-bad-step = '{ $id }' is { $step }, not 1 to 4
checkin-line-bad-share = 'working_share' is { $share }, not 0, 25, 50, 75 or 100
checkin-line-bad-stage = '{ $stage }' is not a stage id
checkin-line-unknown-question = 'dont_know' names no question '{ $id }'
checkin-line-unreadable = not a readable check-in: { $error }

# A summary's check_in that cannot be read (reflect cohort).
checkin-summary-not-object = check_in is not a JSON object
checkin-summary-no-date = check_in has no readable 'date'
checkin-summary-bad-pack = check_in 'pack' is not a pack id
checkin-summary-dont-know-item = check_in 'dont_know' holds a non-string
checkin-summary-dont-know-list = check_in 'dont_know' is not a list
checkin-summary-out-of-range = check_in '{ $key }' is { $value }, out of range
checkin-summary-bad-convener = check_in 'convener' is { $value }, not a convener
checkin-summary-bad-stage = check_in 'stage' is { $value }, not a stage id
