# reflect cohort --by group, la regla de privacidad y las medianas por participante (issue 17).
cohort-decimal-separator = ,
cohort-percent = { $percent } %
cohort-pooled = Todas las entradas juntas
cohort-median = Mediana por participante
cohort-median-over = Participantes contados
cohort-group-heading = { $count ->
    [one] Grupo { $name } (1 participante)
   *[other] Grupo { $name } ({ $count } participantes)
}
cohort-no-group-heading = { $count ->
    [one] Sin grupo indicado (1 participante)
   *[other] Sin grupo indicado ({ $count } participantes)
}
cohort-whole-heading = { $count ->
    [one] Cohorte completa (1 participante)
   *[other] Cohorte completa ({ $count } participantes)
}
cohort-left-out = { $count ->
    [one] 1 participante
   *[other] { $count } participantes
} de { $groups ->
    [one] 1 grupo
   *[other] { $groups } grupos
} con menos de { $min } participantes quedan fuera de todas las tablas y totales, para resguardar su anonimato.
cohort-medians-note = Mediana por participante: cada medida se calcula para cada participante y se muestra el valor central, así quien escribe mucho no define la cifra. Un porcentaje cuenta para quienes tienen entradas sobre las que calcularlo. Todas juntas: las entradas de todos sumadas.
