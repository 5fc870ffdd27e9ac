# reflect check

check-nothing-to-repair = { $path }: no damaged lines; nothing to repair ({ $records } records).
check-repaired = { $path }: moved { $moved } damaged line(s) to { $side }; kept { $kept } good record(s).
check-ok = { $path }: ok ({ $records } records).
check-damaged = { $path }: { $damaged } damaged line(s), { $records } good record(s). Run `reflect check --repair` to move the damaged lines aside.
check-newer-left = { $path }: left { $count } record(s) written by a newer reflect in place (this one cannot read them; upgrade reflect).
