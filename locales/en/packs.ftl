# reflect packs

packs-removed = removed the pack '{ $id }'
packs-removed-builtin-back = removed the pack '{ $id }'; the built-in pack with that id is used again
packs-remove-builtin = '{ $id }' is a built-in pack: it comes with reflect and cannot be removed (to stop using it, name another pack with --pack or default_pack in the config file)
packs-remove-unknown = no installed pack has the id '{ $id }' (see `reflect packs list`)
packs-remove-default = the config file still names '{ $id }' as default_pack ({ $file }); change it
