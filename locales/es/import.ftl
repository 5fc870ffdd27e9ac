# reflect import

import-recognised-jrnl = { $file }: una exportación de jrnl (jrnl --export json)
import-summary = { $count ->
    [one] se importó { $count } entrada
   *[other] se importaron { $count } entradas
}, se omitieron { $skipped } que ya estaban en el diario
import-unknown-format = { $file }: no es una exportación de reflect (sin "format": "reflect-export") ni de jrnl (sin "entries" con "title"); reflect lee `reflect export --format json` y `jrnl --export json`
import-nothing-imported = no se importó nada de { $file }
import-stdin-terminal = `reflect import -` lee la entrada estándar, que es una terminal: entrégale una exportación por una tubería (reflect export --format json | reflect import -) o nombra el archivo

# Problemas en un archivo que se importa; las claves JSON ("entries", "date", ...) quedan como en el archivo.
import-not-json = no es JSON válido: { $message }
import-entries-not-array = { $file }: "entries" debe ser una lista
import-no-entries = { $file }: no es { $what }: no tiene una lista "entries"
import-what-reflect = una exportación de reflect
import-what-jrnl = una exportación de jrnl
import-at-entry = { $file }: entries[{ $index }]: { $problem }
import-year-out-of-range = "{ $field }" tiene el año { $year }, fuera de { $min }–{ $max }
import-entry-not-object = una entrada debe ser un objeto, no { $kind }
import-field-not-string = "{ $key }" debe ser un texto, no { $kind }
import-field-missing = falta "{ $key }"
import-field-not-strings = "{ $key }" debe contener textos, no { $kind }
import-field-not-array = "{ $key }" debe ser una lista de textos, no { $kind }
import-field-not-bool = "{ $key }" debe ser true o false, no { $kind }
import-kind-null = null
import-kind-bool = un valor true o false
import-kind-number = un número
import-kind-string = un texto
import-kind-array = una lista
import-kind-object = un objeto
import-not-reflect = { $file }: no es una exportación de reflect: falta "format": "{ $format }"
import-not-reflect-jrnl = { import-not-reflect } (parece una exportación de jrnl: usa --from jrnl)
import-newer = { $file }: la versión { $version } del formato de exportación la escribió un reflect más nuevo (este lee la { $reads }); actualiza reflect para importarla
import-version-not-number = { $file }: "version" debe ser un número entero
import-bad-id = "id" debe tener de 1 a 64 letras, dígitos, '-' o '_', no { $value }
import-bad-date = "date" debe ser un día como 2026-11-20, no { $value }
import-bad-moment = "{ $key }" debe ser un momento RFC 3339 como 2026-11-20T18:02:11+01:00, no { $value }
import-bad-level = "level" debe ser school, network, system o idea, no { $value }
import-bad-depth = "depth" debe ser informing, coordinating, sharing o co-constructing, no { $value }
import-bad-from = "from" debe ser school, network, system o programme, no { $value }
import-text-empty = "text" está vacío
import-not-jrnl = { $file }: es una exportación de reflect, no de jrnl: usa --from reflect
import-jrnl-bad-date = "date" debe tener la forma AAAA-MM-DD, no { $value }
import-jrnl-bad-time = "time" debe tener la forma HH:MM, no { $value }
import-jrnl-no-moment = ese momento no existe: { $date } { $time }
import-jrnl-no-text = la entrada no tiene texto
import-jrnl-dropped-tag = se descartó la etiqueta { $tag }: { $reason }
