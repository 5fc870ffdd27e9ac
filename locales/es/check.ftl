# reflect check

check-nothing-to-repair = { $path }: no hay líneas dañadas; nada que reparar ({ $records } registros).
check-repaired = { $path }: { $moved } línea(s) dañada(s) movida(s) a { $side }; se conservan { $kept } registro(s) bueno(s).
check-ok = { $path }: bien ({ $records } registros).
check-damaged = { $path }: { $damaged } línea(s) dañada(s), { $records } registro(s) bueno(s). Ejecuta `reflect check --repair` para apartar las líneas dañadas.
check-newer-left = { $path }: se dejaron en su sitio { $count } registro(s) escritos por un reflect más nuevo (este no puede leerlos; actualiza reflect).
