# reflect import

import-recognised-jrnl = { $file }: una exportación de jrnl (jrnl --export json)
import-summary = { $count ->
    [one] se importó { $count } entrada
   *[other] se importaron { $count } entradas
}, se omitieron { $skipped } que ya estaban en el diario
import-unknown-format = { $file }: no es una exportación de reflect (sin "format": "reflect-export") ni de jrnl (sin "entries" con "title"); reflect lee `reflect export --format json` y `jrnl --export json`
import-nothing-imported = no se importó nada de { $file }
import-stdin-terminal = `reflect import -` lee la entrada estándar, que es una terminal: entrégale una exportación por una tubería (reflect export --format json | reflect import -) o nombra el archivo
