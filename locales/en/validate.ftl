# Loading and checking prompt packs: warnings and the problems `packs validate` lists.

pack-unreadable = cannot read the pack { $file }: { $error }
pack-not-valid = { $file }: the pack is not valid
pack-more-problems = { $first } (and { $more } more problems in this pack)
pack-builtin-damaged = the built-in pack { $name } is damaged, skipped it: { $problem }
pack-folder-unreadable = cannot read the packs folder { $path }: { $error }
pack-skipped = { $error }; skipped this pack
pack-id-taken = { $path }: the pack id '{ $id }' is also used by { $first }; using that one
