# Cargar y revisar packs de preguntas: avisos y los problemas que lista `packs validate`.

pack-unreadable = no se puede leer el pack { $file }: { $error }
pack-not-valid = { $file }: el pack no es válido
pack-more-problems = { $first } (y { $more } problemas más en este pack)
pack-builtin-damaged = el pack incorporado { $name } está dañado; se omitió: { $problem }
pack-folder-unreadable = no se puede leer la carpeta de packs { $path }: { $error }
pack-skipped = { $error }; se omitió este pack
pack-id-taken = { $path }: el id de pack "{ $id }" también lo usa { $first }; se usa ese

# Los problemas que lista `packs validate`, cada uno después de ARCHIVO:LÍNEA:COLUMNA.
pack-not-utf8 = el archivo no es texto UTF-8 válido (guárdalo como UTF-8)
pack-too-large = el archivo es demasiado grande: un pack puede tener como máximo { $mib } MiB ({ $bytes } bytes)
pack-unsupported-format = formato de pack { $format } no soportado: esta versión de reflect lee el formato { $reads } (un reflect más nuevo podría leerlo)
pack-format-not-number = `format` debe ser el número { $reads }
pack-char-control = un carácter de control
pack-char-bidi = una marca de dirección de texto (bidi)
pack-file-forbidden-char = el archivo contiene { $why } ({ $name }); el texto de un pack no puede contener caracteres de control, secuencias de escape ni marcas bidi
pack-forbidden-char = `{ $key }` contiene { $why } ({ $name }); el texto de un pack no puede contener caracteres de control, secuencias de escape ni marcas bidi
pack-unknown-key = clave desconocida{ $rest }
pack-duplicate-key = clave repetida `{ $key }`
pack-missing-key = a { $table } le falta la clave obligatoria `{ $key }`
pack-empty-key = `{ $key }` está vacía
pack-one-line = `{ $key }` debe ir en una sola línea
pack-bad-id = { $id } no es un id válido: usa de 1 a 64 caracteres a-z, 0-9, '-' o '_', empezando por una letra o un dígito
pack-kind-theme = tema
pack-kind-prompt = pregunta
pack-kind-level = ámbito
pack-kind-depth = profundidad
pack-duplicate-id = id de { $kind } repetido { $id } (definido primero en la línea { $line })
pack-missing-format = falta `format = { $version }` (la versión del formato de pack) al comienzo del archivo
pack-missing-pack-table = falta la tabla [pack] (id, name, version, language)
pack-bad-language = { $tag } no es una etiqueta de idioma: usa una etiqueta BCP 47 como en, es o es-CL
pack-no-themes = el pack no tiene temas: agrega al menos una tabla [[themes]]
pack-no-prompts = el pack no tiene preguntas: agrega al menos una tabla [[prompts]]
pack-unknown-theme = ningún tema tiene el id { $id } (temas de este pack: { $themes })
pack-level-ignored = { $count ->
    [one] una pregunta tiene
   *[other] { $count } preguntas tienen
} un `level` sugerido (la primera está aquí); se ignora: quien lidera dice el ámbito de cada entrada
pack-order-levels = del más cercano al más amplio: corresponden a school, network, system
pack-order-depths = de menos a más profundo: corresponden a informing, coordinating, sharing, co-constructing
pack-rung-count = un pack con { $table } debe tener exactamente { $want } ({ $order }), no { $count }
pack-what-id = el id
pack-what-name = el nombre
pack-what-alias = el alias
pack-reserved-word = una palabra reservada
pack-standard-name = el nombre estándar del peldaño { $rung }
pack-rung-used = ya se usa para el peldaño { $rung } (línea { $line })
pack-ambiguous-word = { $kind }: { $what } { $word } sería ambiguo con --{ $flag }: es { $whose }
pack-kind-stage = etapa
pack-quoted = "{ $text }"

# [[stages]] de un paquete.
pack-stage-count = un paquete con { $table } debe tener al menos dos, la más temprana primero, no { $count }
pack-stage-aliases = { $table } no admite `aliases`: una etapa se elige por su número, id o nombre
pack-stage-duplicate-name = nombre de etapa repetido { $name } (usado primero en la línea { $line })
