# reflect share (issue 17): lo que contiene el resumen compartido, dicho antes de escribirlo.
share-intro = El resumen contendrá estos conteos y nada de lo que escribiste:
share-theme = - { $title }: { $school } { $school_name }, { $network } { $network_name }, { $system } { $system_name }, { $idea } ideas, { $unrated } sin ámbito
share-no-entries = - aún no hay entradas
share-checkins = { $count ->
    [0] - estados de la red: ninguno
    [one] - estados de la red: 1 (sus cifras, nunca su nota)
   *[other] - estados de la red: { $count } (las cifras del último y lo que cambió desde el anterior, nunca una nota)
}
share-group = - grupo: { $group }
share-no-group = - grupo: ninguno (indícalo con --group o con `group` en config.toml)
share-participant = - id de participante: { $id } (al azar, guardado en la carpeta de datos; no es tu nombre)
share-never = El archivo no contiene texto de entradas, etiquetas, notas del estado de la red ni nombres.
share-ask = ¿Escribirlo? [s/N]:{" "}
share-not-written = No se escribió nada.
share-written = Se escribió el resumen en { $path }; entrega este archivo a quien te forma.
