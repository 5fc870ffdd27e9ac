# reflect report and reflect cohort --format markdown|html (issue 17): the reports.
report-no-data = No data for this period yet.
report-not-shown = not shown
report-generated = Generated on { $date }
report-leader-title = Reflective practice
report-leader-span = Entries about { $first } to { $last }
report-leader-entries = { $count ->
    [one] 1 entry
   *[other] { $count } entries
}: { $rated } rated, { $idea } plans or ideas, { $unrated } not rated yet
report-packs = Packs: { $packs }
report-cohort-title = Cohort report
report-cohort-span = { $count ->
    [one] 1 participant
   *[other] { $count } participants
}, entries about { $first } to { $last }
report-cohort-empty = { $count ->
    [one] 1 participant
   *[other] { $count } participants
}, no entries yet
report-cohort-counts-only = Counts only: this report holds no entry text, tag or note.
report-where = Where the practice sat
report-not-a-grade = These figures count what was written; they do not grade it. Bringing learning back into one's own school is success, not a step down.
report-levels-chart = Entries per level, theme by theme
report-reached-caption = Participants who reached each level (at least one entry at that level or above)
report-measures = Measures
report-groups = Measures by group
report-over-time = Over time
report-month = Month
report-months-chart = Network reach and learning brought into the school, per month
report-line-reach = Entries at { $network } level or above
report-line-brought-in = School entries bringing learning in
report-together = How the work was done together
report-grid-chart = Level × depth of joint work
report-grid-corner = Level \ depth
report-entries = Entries
report-entries-note = The entries' own words, as written (included because the report was made with --with-text).
report-checkins = Network check-ins
