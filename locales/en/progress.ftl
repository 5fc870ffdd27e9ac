# reflect progress and reflect cohort (issue 14): tables, measures, --explain.

progress-theme = Theme
progress-idea = Idea
progress-unrated = Unrated
progress-total = Total
progress-last5 = Last 5
progress-free = Free entries (no prompt)
progress-all = All entries
progress-measure = Measure
progress-whole = Whole period
progress-change = Change
progress-rated = Rated entries
progress-ideas = Ideas (not practice yet)
progress-unrated-entries = Unrated entries
progress-reach = Network reach
progress-brought-in = Learning brought into the school
progress-collaborative = Collaborative reach
progress-without-depth = Entries without a depth
progress-transfers = Transfers
progress-none = none
progress-period = Period
progress-level = Level
progress-no-depth = No depth
progress-period-reach = Network reach
progress-period-brought-in = Into school
progress-period-collaborative = Collab. reach
progress-programme = Programme
progress-level-school = School
progress-level-network = Network
progress-level-system = System
progress-depth-informing = Informing
progress-depth-coordinating = Coordinating
progress-depth-sharing = Sharing
progress-depth-co-constructing = Co-constructing
progress-last-days = { $days ->
    [one] Last day
   *[other] Last { $days } days
}
progress-days-before = { $days ->
    [one] The day before
   *[other] { $days } days before
}
progress-k-of-n = { $count } of { $of }
progress-k-of-n-percent = { $count } of { $of } ({ $percent }%)
progress-points = { $arrow } { $points } pts
progress-caption = Network reach counts rated entries at { $network } level or above. Percentages and changes appear only over at least 10 entries.
progress-footer = What every column and measure means: reflect progress --explain
progress-trends = Trends, one mark per { $period ->
    [week] week
    [month] month
   *[quarter] quarter
}, { $first } to { $last } (counts of entries):
progress-trend-rated = Rated entries
progress-trend-reach = At network or above
progress-trend-brought-in = Learning brought into the school
progress-trend-collaborative = Network or above, sharing or deeper
progress-trend-transfers = Transfers
progress-no-entries = No entries yet — write one with `reflect write` (or `reflect write -m TEXT`), then come back here.
progress-nothing-matches = No entries match these filters ({ $read } in the journal) — try fewer filters.

# --explain: a name and two plain sentences per column or measure.
progress-explain-title = What reflect progress shows
progress-explain-theme-name = Theme
progress-explain-theme = One row per theme of the packs in view, including themes you have not written about yet. Entries of a pack or theme no longer installed are still counted, under their stored ids.
progress-explain-levels-name = { $school }, { $network }, { $system }
progress-explain-levels = How many entries you placed at each level: inside your own school, with partner schools in the network, and in the wider system. Each column says where the practice happened, not how well it went.
progress-explain-idea-name = Idea
progress-explain-idea = Entries you marked as not practice yet: a plan or an idea. They are counted apart and enter no measure, so planning never looks like practice.
progress-explain-unrated-name = Unrated
progress-explain-unrated = Entries without a level, because nobody guesses it for you. Rate them with `reflect rate` or `reflect edit ID --level LEVEL`; until then they enter no measure.
progress-explain-total-name = Total
progress-explain-total = Every entry of the row: rated, ideas and unrated. It is the sum of the columns before it.
progress-explain-last5-name = Last 5
progress-explain-last5 = The levels of the theme's last five rated entries, oldest first, by the day they are about and then by when you wrote them. It shows movement in both directions, and moving back into the school is as much a result as moving out.
progress-explain-rated-name = Rated entries
progress-explain-rated = Entries placed at a level, the ones the measures count. Ideas and unrated entries are left out of every measure.
progress-explain-reach-name = Network reach
progress-explain-reach = How many of your rated entries happened at { $network } level or above, as "k of n". It describes where your practice took place, not how good it was.
progress-explain-brought-in-name = Learning brought into the school
progress-explain-brought-in = { $school } entries whose practice carried learning from the network, the system or the programme (recorded with --from). In the Chilean study of school networks, learning first took root in schools, so this is the first sign of transfer, and a success in its own right.
progress-explain-collaborative-name = Collaborative reach
progress-explain-collaborative = Entries at { $network } level or above whose joint work went as far as "{ $sharing }" or deeper, out of the rated entries that record a depth; entries without a depth are counted beside it. Deeper joint work is not always what a situation needs: read it as a description, not a target.
progress-explain-transfers-name = Transfers
progress-explain-transfers = Rated entries that record where their learning came from, counted by direction (from → level). Every direction counts, including learning carried back into your school.
progress-explain-windows-name = { $whole }, { $last }, { $before }
progress-explain-windows = Each measure is given for every entry counted, for the last { $days } days (ending today or on --until) and for the { $days } days before; --window changes the length. The Change column compares the two windows in percentage points, with an arrow showing only the direction.
progress-explain-percent-name = k of n, percentages
progress-explain-percent = Each measure is shown as k of n entries. A percentage and a change appear only when there are at least 10 entries to count over, because below that one entry moves a percentage by ten points or more.
progress-explain-grid-name = --grid
progress-explain-grid = `reflect progress --grid` counts rated entries by level and depth of joint work, with a column for entries without a depth. It shows whether work beyond the school is mostly informing each other or building practice together.
progress-explain-by-name = --by week|month|quarter
progress-explain-by = The same measures for each period, with a one-line sparkline per measure on a terminal. The sparklines draw counts of entries, so a quiet month shows as low rather than as a percentage built on two entries.
progress-explain-prompts-name = Prompts
progress-explain-prompts = `reflect prompt` and `reflect write` suggest prompts in an order that mixes the themes, not the pack's order. So a trend over time follows your practice, not the order in which the pack lists its themes.

# reflect cohort
cohort-title-span = { $count ->
    [one] Cohort of 1 participant, entries from { $first } to { $last }
   *[other] Cohort of { $count } participants, entries from { $first } to { $last }
}
cohort-title-empty = { $count ->
    [one] Cohort of 1 participant, no entries yet
   *[other] Cohort of { $count } participants, no entries yet
}
cohort-reached-column = Reached { $level }
cohort-participants = Participants
cohort-reached = { $count ->
    [one] Reached: whether the participant has at least one entry at that level or above.
   *[other] Reached: how many of the { $count } participants have at least one entry at that level or above.
}
cohort-by-month = Measures by month
cohort-reach = Network reach overall: { $fraction } rated entries at { $network } level or above

# Reading participants' summaries (reflect cohort): every problem names the file.
summary-skipped = skipped { $error }
summary-set-aside = set aside { $file }: the same participant as { $latest }, whose summary is the latest; counting it once
summary-given-twice = { $file } names a file given more than once ({ $first }); counting it once
summary-same-content = { $file } has the same content as { $first }; counting it once
summary-cannot-read = cannot read: { $error }
summary-not-utf8 = not a progress summary: not UTF-8 text
summary-too-large = larger than { $mib } MiB; a progress summary is a few kilobytes
summary-not-regular = not a regular file ({ $kind }); a summary is a file written by `reflect progress --format json`
summary-kind-folder = a folder
summary-kind-fifo = a FIFO
summary-kind-device = a device
summary-kind-socket = a socket
summary-kind-special = a special file
summary-not-json = not valid JSON: { $message }
summary-not-a-summary = not a progress summary (make one with `reflect progress --format json`)
summary-wrong-format = { summary-not-a-summary }: its "format" is { $found }, not "{ $expected }"
summary-invalid = not a valid progress summary: { $error }
summary-newer = summary version { $version } was written by a newer reflect (this one reads versions 1 and { $reads }); upgrade reflect
summary-no-version = the summary has no supported "version" (expected 1 or { $reads })
summary-bad-participant = the participant id is not 1 to 64 letters and digits
summary-bad-group = the group name is empty or longer than { $max } characters
summary-bad-ladder = the ladder is { $found }; expected school, network, system
summary-bad-depths = the depths are not informing, coordinating, sharing, co-constructing
summary-row-free = free entries
summary-row-totals = totals
summary-row-not-adding-up = the counts of '{ $row }' do not add up to its total
summary-measures-not-totals = the measures do not count the same entries as the totals
summary-grid-shape = the level × depth grid is not 3 levels by 5 depths in order
summary-grid-not-adding-up = the level × depth grid does not add up to the totals
summary-date-out-of-range = the date { $date } ({ $field }) is outside the years { $min }–{ $max }
summary-field-period-from = period from
summary-field-period-to = period to
summary-transfer-twice = the transfer { $from } → { $to } is listed twice
summary-measures-not-adding-up = the measures' { $what } do not add up
summary-what-counts = counts
summary-what-entries = entries
summary-what-network-reach = network reach
summary-what-brought-in = learning brought into the school
summary-what-collaborative = collaborative reach
summary-what-without-depth = entries without a depth
summary-v1-reach = a reach counts more entries at network level than entries
summary-v1-month = the counts of month { $month } do not add up to its entries
