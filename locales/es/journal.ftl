# El archivo del diario: leer, escribir, bloquear, compactar. Un mensaje de E/S va
# seguido de la ruta del archivo.

journal-io-open = no se puede abrir
journal-io-write = no se puede escribir
journal-io-rewrite = no se puede reescribir
journal-io-compact = no se puede compactar
journal-io-refuse-compact = no se compacta
journal-io-open-journal = no se puede abrir el diario
journal-io-open-lock = no se puede abrir el archivo de bloqueo
journal-io-lock = no se puede bloquear
journal-io-create-folder = no se puede crear la carpeta
journal-io-size = no se puede leer el tamaño de
journal-io-read = no se puede leer
journal-io-scratch = no se puede usar el archivo temporal de un ordenamiento en
journal-io-sync-folder = no se puede sincronizar la carpeta de
journal-io-not-saved = la entrada NO se guardó: no se puede escribir en
journal-io-not-confirmed = puede que la entrada NO se haya guardado: el disco no confirmó la escritura en
journal-compact-damaged = { $count } línea(s) dañada(s), la primera en la línea { $line }; ejecuta primero `reflect check --repair` para que no se pierda nada
journal-not-found = ninguna entrada coincide con "{ $id }" (mira `reflect list`)
journal-ambiguous = "{ $prefix }" nombra varias entradas: { $candidates }; escribe más del id

# Por qué no se puede leer una línea del diario (después de "se omitió una línea dañada: ").
line-not-an-entry = un estado de la red (reflect checkin), no una entrada
line-newer-version = el formato de registro { $version } lo escribió un reflect más nuevo (este lee { $reads }); actualiza reflect para leerlo
line-bad-text = el texto no es válido (UTF-8 o escape incorrecto)
line-year-out-of-range = el año { $year } está fuera de { $min }–{ $max }
line-missing-field = el registro "{ $op }" no tiene "{ $field }"
line-ends-early = la línea termina antes de tiempo (¿se cortó una escritura?)
line-not-json = no es JSON válido (columna { $column })
line-not-a-record = no es un registro del diario: { $error }
