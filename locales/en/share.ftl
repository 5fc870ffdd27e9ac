# reflect share (issue 17): what the shared summary holds, said before it is written.
share-intro = The summary will hold these counts, and nothing you wrote:
share-theme = - { $title }: { $school } { $school_name }, { $network } { $network_name }, { $system } { $system_name }, { $idea } ideas, { $unrated } not rated
share-no-entries = - no entries yet
share-checkins = { $count ->
    [0] - network check-ins: none
    [one] - network check-ins: 1 (its figures, never its note)
   *[other] - network check-ins: { $count } (the latest one's figures and what changed since the one before, never a note)
}
share-group = - group: { $group }
share-no-group = - group: none (name one with --group or `group` in config.toml)
share-participant = - participant id: { $id } (random, kept in the data folder; not your name)
share-never = No entry text, tag, check-in note or name is in the file.
share-ask = Write it? [y/N]:{" "}
share-not-written = Nothing was written.
share-written = Wrote the summary to { $path }; give this file to your trainer.
