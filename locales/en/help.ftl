# --help texts: help-<command> is a command's about, help-<command>-<arg> an argument's,
# help-global-<arg> an argument every command has. The filters of list, progress and
# export share their texts.

help-reflect = A reflective journal for school leaders growing from school-level to network- and system-level practice
help-global-journal = Journal file to use (default: REFLECT_JOURNAL, the config file, or the data folder)
help-global-packs = Use this prompt pack: a pack id, or a pack FILE to load (repeatable). Writing draws prompts from it; list, export and progress keep only its entries
help-global-color = When to use colour and Unicode decoration
help-global-lang = Interface language: en or es (default: REFLECT_LANG, the config file, the system locale)
help-global-help = Print help (see a summary with '-h')
help-global-version = Print version

help-write = Write an entry (opens $VISUAL/$EDITOR on a terminal; -m or stdin otherwise)
help-write-text = The entry's text, in one quoted argument (the same as -m)
help-write-message = The entry's text (otherwise stdin, the editor, or the terminal)
help-write-prompt = Answer this prompt (ID or PACK/ID)
help-write-theme = Answer the least-answered prompt of this theme
help-write-free = Write a free entry, without a prompt
help-write-level = Where the practice happened: school, network, system (or the pack's names), or idea (not practice yet). Without it, a terminal asks; otherwise it stays unrated
help-write-depth = How deep the joint work went: informing, coordinating, sharing, co-constructing (or the pack's names)
help-write-from = The practice carried learning from another level, or from the programme
help-write-tag = Tag the entry (repeatable)
help-write-date = The day the entry is about (2026-11-20, yesterday, "3 days ago", "june 9 2013")
help-write-allow_future = Allow a --date after today
help-write-edit = Open $VISUAL/$EDITOR even when standard input is not a terminal

help-prompt = Print today's suggested prompt (the one you have answered least)
help-prompt-theme = Suggest from this theme only
help-prompt-short = Print only the question, on one line

help-list = List entries, newest day first
help-list-since = Only entries about this day or later (2026-11-01, "3 weeks ago", "june 2013": a month or year starts on its first day). Numeric dates are month first in English (11/20/2026), day first in Spanish (20/11/2026)
help-list-until = Only entries about this day or earlier (a month or year ends on its last day)
help-list-on = Only entries about this day, month or year (yesterday, "june 2013", 2013)
help-list-theme = Only entries on this theme (repeatable)
help-list-prompt = Only answers to this prompt (repeatable)
help-list-level = Only entries at this level (repeatable; a pack's own level names work too)
help-list-tag = Only entries with this tag (repeatable: all must match)
help-list-contains = Only entries whose text contains this, in any case, with or without accents (reunion finds "Reunión")
help-list-exact = Make --contains match the text exactly as typed (case and accents count)
help-list-limit = Show at most N entries
help-list-format = Output format (default: table on a terminal, plain lines otherwise)
help-list-sort = Order: by the day each entry is about, or by when it was written (newest first)

help-show = Show one entry in full
help-show-id = Entry id, or any unique prefix of it

help-edit = Change an entry (appends a revision; the original stays until `compact`)
help-edit-id = Entry id, or any unique prefix of it
help-edit-message = New text (otherwise the editor, or stdin when it is not a terminal)
help-edit-level = New level (or idea); the text is kept
help-edit-depth = New depth of joint work, or none to clear it; the text is kept
help-edit-from = New transfer (a level or programme), or none to clear it; the text is kept
help-edit-tag = Replace all the tags with these (repeatable); see --add-tag and --remove-tag
help-edit-add_tag = Add a tag, keeping the others (repeatable)
help-edit-remove_tag = Remove a tag, keeping the others (repeatable)
help-edit-date = New day the entry is about
help-edit-allow_future = Allow a --date after today

help-rate = Rate unrated entries, newest first: level, transfer, depth (on a terminal; without one, print their ids)
help-checkin = Rate your network: organisation, conditions for joint action, sessions
help-checkin-purpose = Shared purpose, 1-4: set by the convener, discussed, agreed by members, owned and guiding decisions (? or 0: don't know)
help-checkin-structure = Agreed structure (roles, calendar, ways of meeting), 1-4
help-checkin-processes = Established processes to plan, work and follow up, 1-4
help-checkin-collaboration = Collaboration between the schools, 1-4: reporting, exchanging, working together, improving together
help-checkin-reciprocity = Reciprocity, 1-4: a few give, give when asked, all give and benefit, giving and asking is the norm
help-checkin-trust = Trust between members, 1-4: guarded, successes shared, difficulties discussed, practice opened
help-checkin-focus = Focus, 1-4: how much of the network's time goes to teaching and learning in the schools
help-checkin-working_share = Share of the last session spent working together rather than informing, in per cent
help-checkin-agenda = Who sets the agenda, 1-4: the convener alone, with input, shared, members in turn
help-checkin-convener = Who convenes: supervisor (Mineduc), sostenedor (or SLEP), directivos (school leaders by turns), other
help-checkin-stage = The network's stage of development, when the pack defines stages
help-checkin-note = A note for yourself; it stays in the journal (never in summaries or exports)
help-checkin-date = The day the check-in is about (default: today; e.g. yesterday, 2026-11-20)

help-delete = Delete an entry (appends a retraction; the text stays until `compact`)
help-delete-id = Entry id, or any unique prefix of it

help-progress = Show where your practice happens (school, network, system), theme by theme and over time
help-progress-since = { help-list-since }
help-progress-until = { help-list-until }
help-progress-on = { help-list-on }
help-progress-theme = { help-list-theme }
help-progress-prompt = { help-list-prompt }
help-progress-level = { help-list-level }
help-progress-tag = { help-list-tag }
help-progress-contains = { help-list-contains }
help-progress-exact = { help-list-exact }
help-progress-by = Show one row per period instead of one row per theme
help-progress-format = Output format; the JSON holds counts only, never entry text
help-progress-grid = Show rated entries by level and depth of joint work instead of by theme
help-progress-explain = Explain every column and measure, then exit
help-progress-window = Length of the recent window compared with the one before, in days
help-progress-group = The group (network) named in the JSON summary (default: `group` in config.toml)

help-share = Write the summary to share with a trainer (counts only); on a terminal, show what it holds and ask first
help-share-output = { help-export-output }
help-share-group = { help-progress-group }

help-report = Write your own report, Markdown or HTML: measures and charts (entry texts only with --with-text)
help-report-since = { help-list-since }
help-report-until = { help-list-until }
help-report-on = { help-list-on }
help-report-theme = { help-list-theme }
help-report-prompt = { help-list-prompt }
help-report-level = { help-list-level }
help-report-tag = { help-list-tag }
help-report-contains = { help-list-contains }
help-report-exact = { help-list-exact }
help-report-format = Output format
help-report-with_text = Include the entries' texts (left out by default)
help-report-window = { help-progress-window }
help-report-output = { help-export-output }

help-cohort = Combine several participants' `progress --format json` summaries
help-cohort-files = Summaries written by `reflect progress --format json` or `reflect share`
help-cohort-format = Output format; markdown and html are reports to read in a meeting
help-cohort-skip_bad = Leave out a bad summary (saying which) instead of stopping
help-cohort-by = Show one table per group, then the whole cohort
help-cohort-min_group = The smallest group shown (3 or more); smaller groups are left out of every table and total
help-cohort-output = { help-export-output }

help-export = Export entries to Markdown or JSON
help-export-since = { help-list-since }
help-export-until = { help-list-until }
help-export-on = { help-list-on }
help-export-theme = { help-list-theme }
help-export-prompt = { help-list-prompt }
help-export-level = { help-list-level }
help-export-tag = { help-list-tag }
help-export-contains = { help-list-contains }
help-export-exact = { help-list-exact }
help-export-format = Output format
help-export-group_by = How Markdown sections are grouped
help-export-output = Write to FILE (atomically) instead of stdout

help-import = Import entries from a reflect JSON export or a jrnl JSON export
help-import-file = File to import, or - for stdin
help-import-from = What wrote the file (default: recognised from its contents)

help-packs = Work with prompt packs: list, show, validate, scaffold, install, remove

help-packs-list = List the loaded packs: id, name, language, version, prompts, where from

help-packs-show = Show a pack's themes and prompts
help-packs-show-id = Pack id (default: the default pack)

help-packs-validate = Validate pack files; prints FILE:LINE:COLUMN for every problem

help-packs-new = Write a commented scaffold for a new pack
help-packs-new-output = Where to write it (default: stdout)
help-packs-new-id = Id of the new pack
help-packs-new-language = Language of the new pack (a BCP 47 tag such as en or es)

help-packs-install = Validate a pack and copy it into the packs folder
help-packs-install-force = Replace an installed pack with the same id
help-packs-remove = Remove an installed pack from the packs folder (built-in packs stay)
help-packs-remove-id = Id of the installed pack
help-help = Print this message or the help of the given subcommand(s)

help-tags = List the tags in use: how many entries, newest use, entries per level

help-stats = Your rhythm: entries per week, streaks, quiet themes, a calendar of six months
help-stats-format = Output format

help-history = List an entry's revisions, with what changed word by word
help-history-id = Entry id, or any unique prefix of it (deleted entries too)
help-restore = Bring back a deleted entry, or an earlier text, as a new revision
help-restore-id = Entry id, or any unique prefix of it (deleted entries too)
help-restore-revision = The revision to bring back, as numbered by `reflect history` (default: the last one with text, i.e. the entry as it was before it was deleted)
help-drafts = List drafts kept from editor sessions that did not end in an entry

help-check = Check the journal for damaged lines (and move them aside with --repair)
help-check-repair = Move damaged lines to a side file (JOURNAL.damaged) and keep every good entry

help-compact = Rewrite the journal without superseded revisions and deleted entries

help-config = Print the paths in use and where each came from

help-completions = Print a shell completion script
help-completions-shell = The shell to generate completions for

help-man = Print the man page (roff) on stdout, or write one page per command with --dir
help-man-dir = Write reflect.1 and a page per command (reflect-write.1, ...) into DIR

# Clap's own words.
help-template = {"{"}before-help{"}"}{"{"}about-with-newline{"}"}
    {"{"}usage-heading{"}"} {"{"}usage{"}"}
    
    {"{"}all-args{"}"}{"{"}after-help{"}"}
help-heading-options = Options
help-heading-arguments = Arguments
help-heading-commands = Commands
