# reflect progress y reflect cohort (issue 14): tablas, medidas, --explain.

progress-theme = Tema
progress-idea = Idea
progress-unrated = Sin ámbito
progress-total = Total
progress-last5 = Últimas 5
progress-free = Entradas libres (sin pregunta)
progress-all = Todas las entradas
progress-measure = Medida
progress-whole = Todo el período
progress-change = Cambio
progress-rated = Entradas con ámbito
progress-ideas = Ideas (aún no práctica)
progress-unrated-entries = Entradas sin ámbito
progress-reach = Alcance de red
progress-brought-in = Aprendizaje traído al establecimiento
progress-collaborative = Alcance colaborativo
progress-without-depth = Entradas sin profundidad
progress-transfers = Transferencias
progress-none = ninguna
progress-period = Período
progress-level = Nivel
progress-no-depth = Sin profundidad
progress-period-reach = Alcance
progress-period-brought-in = Al est.
progress-period-collaborative = Colab.
progress-programme = Programa
progress-level-school = Establecimiento
progress-level-network = Red
progress-level-system = Territorio
progress-depth-informing = Nos informamos
progress-depth-coordinating = Nos coordinamos
progress-depth-sharing = Compartimos recursos
progress-depth-co-constructing = Construimos juntos
progress-last-days = { $days ->
    [one] Último día
   *[other] Últimos { $days } días
}
progress-days-before = { $days ->
    [one] El día anterior
   *[other] { $days } días antes
}
progress-k-of-n = { $count } de { $of }
progress-k-of-n-percent = { $count } de { $of } ({ $percent } %)
progress-points = { $arrow } { $points } pts
progress-caption = El alcance de red cuenta las entradas con ámbito { $network } o superior. Los porcentajes y cambios aparecen solo sobre al menos 10 entradas.
progress-footer = Qué significa cada columna y medida: reflect progress --explain
progress-trends = Tendencias, una marca por { $period ->
    [week] semana
    [month] mes
   *[quarter] trimestre
}, de { $first } a { $last } (cantidad de entradas):
progress-trend-rated = Entradas con ámbito
progress-trend-reach = En la red o más allá
progress-trend-brought-in = Aprendizaje traído al establecimiento
progress-trend-collaborative = Red o más allá, compartiendo o más
progress-trend-transfers = Transferencias
progress-no-entries = Aún no hay entradas: escribe una con `reflect write` (o `reflect write -m TEXTO`) y vuelve aquí.
progress-nothing-matches = Ninguna entrada cumple estos filtros ({ $read } en el diario): prueba con menos filtros.

# --explain: un nombre y dos oraciones simples por columna o medida.
progress-explain-title = Qué muestra reflect progress
progress-explain-theme-name = Tema
progress-explain-theme = Una fila por tema de los paquetes a la vista, también los temas sobre los que aún no has escrito. Las entradas de un paquete o tema que ya no está instalado se siguen contando, con sus identificadores guardados.
progress-explain-levels-name = { $school }, { $network }, { $system }
progress-explain-levels = Cuántas entradas ubicaste en cada ámbito: dentro de tu establecimiento, con otros establecimientos de la red y en el territorio. Cada columna dice dónde ocurrió la práctica, no qué tan bien resultó.
progress-explain-idea-name = Idea
progress-explain-idea = Entradas que marcaste como aún no práctica: un plan o una idea. Se cuentan aparte y no entran en ninguna medida, para que planificar nunca parezca práctica.
progress-explain-unrated-name = Sin ámbito
progress-explain-unrated = Entradas sin ámbito, porque nadie lo adivina por ti. Asígnalo con `reflect rate` o `reflect edit ID --level ÁMBITO`; mientras tanto no entran en ninguna medida.
progress-explain-total-name = Total
progress-explain-total = Todas las entradas de la fila: con ámbito, ideas y sin ámbito. Es la suma de las columnas anteriores.
progress-explain-last5-name = Últimas 5
progress-explain-last5 = Los ámbitos de las últimas cinco entradas con ámbito del tema, de la más antigua a la más reciente, según el día del que tratan y luego según cuándo las escribiste. Muestra el movimiento en ambas direcciones, y volver al establecimiento es tan resultado como salir de él.
progress-explain-rated-name = Entradas con ámbito
progress-explain-rated = Entradas ubicadas en un ámbito, las que cuentan las medidas. Las ideas y las entradas sin ámbito quedan fuera de todas las medidas.
progress-explain-reach-name = Alcance de red
progress-explain-reach = Cuántas de tus entradas con ámbito ocurrieron en el ámbito { $network } o superior, como "k de n". Describe dónde ocurrió tu práctica, no qué tan buena fue.
progress-explain-brought-in-name = Aprendizaje traído al establecimiento
progress-explain-brought-in = Entradas de ámbito { $school } cuya práctica trajo aprendizajes de la red, del territorio o del programa (registrado con --from). En el estudio chileno de redes, los aprendizajes se instalaron primero en los establecimientos: esta es la primera señal de transferencia, y un logro en sí misma.
progress-explain-collaborative-name = Alcance colaborativo
progress-explain-collaborative = Entradas de ámbito { $network } o superior cuyo trabajo conjunto llegó a "{ $sharing }" o más, sobre las entradas con ámbito que registran una profundidad; las entradas sin profundidad se cuentan al lado. Un trabajo conjunto más profundo no siempre es lo que la situación necesita: léelo como una descripción, no como una meta.
progress-explain-transfers-name = Transferencias
progress-explain-transfers = Entradas con ámbito que registran de dónde vino su aprendizaje, contadas por dirección (desde → ámbito). Todas las direcciones cuentan, también el aprendizaje traído de vuelta a tu establecimiento.
progress-explain-windows-name = { $whole }, { $last }, { $before }
progress-explain-windows = Cada medida se da para todas las entradas contadas, para los últimos { $days } días (hasta hoy o hasta --until) y para los { $days } días anteriores; --window cambia el largo. La columna Cambio compara ambos períodos en puntos porcentuales, con una flecha que solo muestra la dirección.
progress-explain-percent-name = k de n, porcentajes
progress-explain-percent = Cada medida se muestra como k de n entradas. Un porcentaje y un cambio aparecen solo cuando hay al menos 10 entradas sobre las que contar, porque con menos una sola entrada mueve el porcentaje en diez puntos o más.
progress-explain-grid-name = --grid
progress-explain-grid = `reflect progress --grid` cuenta las entradas con ámbito por ámbito y profundidad del trabajo conjunto, con una columna para las entradas sin profundidad. Muestra si el trabajo más allá del establecimiento es sobre todo informarse o construir práctica juntos.
progress-explain-by-name = --by week|month|quarter
progress-explain-by = Las mismas medidas para cada período, con una línea de tendencia por medida en la terminal. Las líneas dibujan cantidades de entradas, así un mes tranquilo se ve bajo y no como un porcentaje hecho con dos entradas.
progress-explain-prompts-name = Preguntas
progress-explain-prompts = `reflect prompt` y `reflect write` sugieren preguntas en un orden que mezcla los temas, no en el orden del paquete. Así una tendencia en el tiempo sigue tu práctica y no el orden en que el paquete presenta sus temas.

# reflect cohort
cohort-title-span = { $count ->
    [one] Grupo de 1 participante, entradas del { $first } al { $last }
   *[other] Grupo de { $count } participantes, entradas del { $first } al { $last }
}
cohort-title-empty = { $count ->
    [one] Grupo de 1 participante, aún sin entradas
   *[other] Grupo de { $count } participantes, aún sin entradas
}
cohort-reached-column = Alcanzó { $level }
cohort-participants = Participantes
cohort-reached = { $count ->
    [one] Alcanzó: si la persona tiene al menos una entrada en ese ámbito o superior.
   *[other] Alcanzó: cuántas de las { $count } personas participantes tienen al menos una entrada en ese ámbito o superior.
}
cohort-by-month = Medidas por mes
cohort-reach = Alcance de red en total: { $fraction } entradas con ámbito { $network } o superior

# Lectura de los resúmenes de participantes (reflect cohort): cada problema nombra el archivo.
summary-skipped = se omitió { $error }
summary-set-aside = se dejó aparte { $file }: es el mismo participante que { $latest }, cuyo resumen es el más reciente; se cuenta una sola vez
summary-given-twice = { $file } nombra un archivo indicado más de una vez ({ $first }); se cuenta una sola vez
summary-same-content = { $file } tiene el mismo contenido que { $first }; se cuenta una sola vez
summary-cannot-read = no se puede leer: { $error }
summary-not-utf8 = no es un resumen de progreso: no es texto UTF-8
summary-too-large = pesa más de { $mib } MiB; un resumen de progreso pesa unos pocos kilobytes
summary-not-regular = no es un archivo común ({ $kind }); un resumen es un archivo escrito por `reflect progress --format json`
summary-kind-folder = una carpeta
summary-kind-fifo = un FIFO
summary-kind-device = un dispositivo
summary-kind-socket = un socket
summary-kind-special = un archivo especial
summary-not-json = no es JSON válido: { $message }
summary-not-a-summary = no es un resumen de progreso (créalo con `reflect progress --format json`)
summary-wrong-format = { summary-not-a-summary }: su "format" es { $found }, no "{ $expected }"
summary-invalid = no es un resumen de progreso válido: { $error }
summary-newer = la versión { $version } del resumen la escribió un reflect más nuevo (este lee las versiones 1 y { $reads }); actualiza reflect
summary-no-version = el resumen no tiene una "version" que se pueda leer (se esperaba 1 o { $reads })
summary-bad-participant = el id de participante no tiene de 1 a 64 letras y dígitos
summary-bad-group = el nombre del grupo está vacío o tiene más de { $max } caracteres
summary-bad-ladder = la escala es { $found }; se esperaba school, network, system
summary-bad-depths = las profundidades no son informing, coordinating, sharing, co-constructing
summary-row-free = entradas libres
summary-row-totals = totales
summary-row-not-adding-up = los conteos de "{ $row }" no suman su total
summary-measures-not-totals = las medidas no cuentan las mismas entradas que los totales
summary-grid-shape = la tabla ámbito × profundidad no tiene 3 ámbitos por 5 profundidades en orden
summary-grid-not-adding-up = la tabla ámbito × profundidad no suma los totales
summary-date-out-of-range = la fecha { $date } ({ $field }) está fuera de los años { $min }–{ $max }
summary-field-period-from = inicio de un período
summary-field-period-to = fin de un período
summary-transfer-twice = la transferencia { $from } → { $to } aparece dos veces
summary-measures-not-adding-up = las medidas no cuadran: { $what }
summary-what-counts = conteos
summary-what-entries = entradas
summary-what-network-reach = alcance de red
summary-what-brought-in = aprendizaje llevado al establecimiento
summary-what-collaborative = alcance colaborativo
summary-what-without-depth = entradas sin profundidad
summary-v1-reach = un alcance cuenta más entradas en ámbito red que entradas
summary-v1-month = los conteos del mes { $month } no suman sus entradas
