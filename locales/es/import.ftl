# reflect import

import-recognised-jrnl = { $file }: una exportación de jrnl (jrnl --export json)
import-summary = { $count ->
    [one] se importó { $count } entrada
   *[other] se importaron { $count } entradas
}, se omitieron { $skipped } que ya estaban en el diario
import-unknown-format = { $file }: no es una exportación de reflect (sin "format": "reflect-export") ni de jrnl (sin "entries" con "title"); reflect lee `reflect export --format json` y `jrnl --export json`
