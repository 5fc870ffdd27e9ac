# reflect cohort --by group, the privacy rule and medians per participant (issue 17).
cohort-decimal-separator = .
cohort-percent = { $percent }%
cohort-pooled = All entries pooled
cohort-median = Median per participant
cohort-median-over = Participants counted
cohort-group-heading = { $count ->
    [one] Group { $name } (1 participant)
   *[other] Group { $name } ({ $count } participants)
}
cohort-no-group-heading = { $count ->
    [one] No group named (1 participant)
   *[other] No group named ({ $count } participants)
}
cohort-whole-heading = { $count ->
    [one] Whole cohort (1 participant)
   *[other] Whole cohort ({ $count } participants)
}
cohort-left-out = { $count ->
    [one] 1 participant
   *[other] { $count } participants
} of { $groups ->
    [one] 1 group
   *[other] { $groups } groups
} with fewer than { $min } participants left out of every table and total, to keep them anonymous.
cohort-medians-note = Median per participant: each measure is worked out for each participant, then the middle value is shown, so one prolific writer does not set the figure. A share counts for the participants with entries to count it over. Pooled: everyone's entries added up.
