# Cargar y revisar packs de preguntas: avisos y los problemas que lista `packs validate`.

pack-unreadable = no se puede leer el pack { $file }: { $error }
pack-not-valid = { $file }: el pack no es válido
pack-more-problems = { $first } (y { $more } problemas más en este pack)
pack-builtin-damaged = el pack incorporado { $name } está dañado; se omitió: { $problem }
pack-folder-unreadable = no se puede leer la carpeta de packs { $path }: { $error }
pack-skipped = { $error }; se omitió este pack
pack-id-taken = { $path }: el id de pack "{ $id }" también lo usa { $first }; se usa ese
