# Textos de --help: help-<orden> es la descripción de una orden, help-<orden>-<arg> la de un argumento,
# help-global-<arg> la de un argumento de todas las órdenes. Los filtros de list, progress y
# export comparten sus textos.

help-reflect = Un diario reflexivo para líderes escolares que amplían su práctica de la escuela a la red y al territorio
help-global-journal = Archivo del diario (predeterminado: REFLECT_JOURNAL, el archivo de configuración o la carpeta de datos)
help-global-packs = Usa este pack de preguntas: el id de un pack o un ARCHIVO de pack que cargar (se puede repetir). Al escribir, las preguntas salen de él; list, export y progress muestran solo sus entradas
help-global-color = Cuándo usar color y adornos Unicode
help-global-lang = Idioma de la interfaz: en o es (predeterminado: REFLECT_LANG, el archivo de configuración, el idioma del sistema)
help-global-help = Muestra la ayuda (un resumen con '-h')
help-global-version = Muestra la versión

help-write = Escribe una entrada (abre $VISUAL/$EDITOR en una terminal; si no, -m o la entrada estándar)
help-write-text = El texto de la entrada, en un solo argumento entre comillas (lo mismo que -m)
help-write-message = El texto de la entrada (si no, la entrada estándar, el editor o la terminal)
help-write-prompt = Responde esta pregunta (ID o PACK/ID)
help-write-theme = Responde la pregunta menos respondida de este tema
help-write-free = Escribe una entrada libre, sin pregunta
help-write-level = Dónde ocurrió la práctica: escuela, red, territorio (o los nombres del pack), o idea (todavía no es práctica). Sin él, una terminal lo pregunta; si no, queda sin ámbito
help-write-depth = Qué tan profundo fue el trabajo conjunto: informing, coordinating, sharing, co-constructing (o los nombres del pack)
help-write-from = La práctica trajo aprendizajes de otro ámbito, o del programa
help-write-tag = Etiqueta la entrada (se puede repetir)
help-write-date = El día del que trata la entrada (2026-11-20, ayer, "hace 3 días", "23 de julio de 2013")
help-write-allow_future = Permite un --date posterior a hoy
help-write-edit = Abre $VISUAL/$EDITOR aunque la entrada estándar no sea una terminal

help-prompt = Muestra la pregunta sugerida de hoy (la que menos has respondido)
help-prompt-theme = Sugiere solo de este tema
help-prompt-short = Muestra solo la pregunta, en una línea

help-list = Lista las entradas, del día más reciente al más antiguo
help-list-since = Solo entradas de este día o posteriores (2026-11-01, "hace 3 semanas", "junio de 2013": un mes o un año empieza en su primer día). Las fechas numéricas van con el día primero en español (20/11/2026) y el mes primero en inglés (11/20/2026)
help-list-until = Solo entradas de este día o anteriores (un mes o un año termina en su último día)
help-list-on = Solo entradas de este día, mes o año (ayer, "junio de 2013", 2013)
help-list-theme = Solo entradas de este tema (se puede repetir)
help-list-prompt = Solo respuestas a esta pregunta (se puede repetir)
help-list-level = Solo entradas de este ámbito (se puede repetir; también valen los nombres de ámbito de un pack)
help-list-tag = Solo entradas con esta etiqueta (se puede repetir: deben estar todas)
help-list-contains = Solo entradas cuyo texto contiene esto, en mayúsculas o minúsculas, con o sin tildes (reunion encuentra "Reunión")
help-list-exact = Hace que --contains busque el texto tal como se escribió (cuentan mayúsculas y tildes)
help-list-limit = Muestra como máximo N entradas
help-list-format = Formato de salida (predeterminado: tabla en una terminal, líneas simples si no)
help-list-sort = Orden: por el día del que trata cada entrada, o por cuándo se escribió (lo más reciente primero)

help-show = Muestra una entrada completa
help-show-id = Id de la entrada, o cualquier prefijo único de él

help-edit = Modifica una entrada (agrega una revisión; la original queda hasta `compact`)
help-edit-id = Id de la entrada, o cualquier prefijo único de él
help-edit-message = Texto nuevo (si no, el editor, o la entrada estándar cuando no es una terminal)
help-edit-level = Ámbito nuevo (o idea); el texto se mantiene
help-edit-depth = Profundidad nueva del trabajo conjunto, o none para quitarla; el texto se mantiene
help-edit-from = Transferencia nueva (un ámbito o programme), o none para quitarla; el texto se mantiene
help-edit-tag = Reemplaza todas las etiquetas por estas (se puede repetir); ver --add-tag y --remove-tag
help-edit-add_tag = Agrega una etiqueta y conserva las demás (se puede repetir)
help-edit-remove_tag = Quita una etiqueta y conserva las demás (se puede repetir)
help-edit-date = Nuevo día del que trata la entrada
help-edit-allow_future = Permite un --date posterior a hoy

help-rate = Califica las entradas sin ámbito, la más reciente primero: ámbito, transferencia, profundidad (en una terminal; sin ella, muestra sus ids)
help-checkin = Califica tu red: organización, condiciones para la acción conjunta, sesiones
help-checkin-purpose = Propósito compartido, 1-4: lo define quien convoca, se conversa, lo acuerdan los miembros, lo hacen suyo y orienta las decisiones (? o 0: no sé)
help-checkin-structure = Estructura acordada (roles, calendario, forma de reunirse), 1-4
help-checkin-processes = Procesos establecidos para planificar, trabajar y hacer seguimiento, 1-4
help-checkin-collaboration = Colaboración entre los establecimientos, 1-4: informar, intercambiar, trabajar juntos, mejorar juntos
help-checkin-reciprocity = Reciprocidad, 1-4: unos pocos aportan, aportan cuando se les pide, todos aportan y se benefician, ofrecer y pedir ayuda es lo habitual
help-checkin-trust = Confianza entre los miembros, 1-4: cautela, se comparten logros, se conversan las dificultades, se abre la práctica
help-checkin-focus = Foco, 1-4: cuánto del tiempo de la red va a la enseñanza y el aprendizaje en los establecimientos
help-checkin-working_share = Parte de la última sesión dedicada a trabajar en conjunto y no solo a informar, en porcentaje
help-checkin-agenda = Quién define la agenda, 1-4: quien convoca, con aportes, en conjunto, los miembros por turnos
help-checkin-convener = Quién convoca: supervisor (supervisor/a del Mineduc), sostenedor (o SLEP), directivos (equipos directivos por turnos), other (otro)
help-checkin-stage = La etapa de desarrollo de la red, cuando el paquete define etapas
help-checkin-note = Una nota para ti; queda en el diario (nunca en resúmenes ni exportaciones)
help-checkin-date = El día al que se refiere el estado de la red (por omisión: hoy; p. ej. ayer, 2026-11-20)

help-delete = Borra una entrada (agrega una retractación; el texto queda hasta `compact`)
help-delete-id = Id de la entrada, o cualquier prefijo único de él

help-progress = Muestra dónde ocurre tu práctica (establecimiento, red, territorio), tema por tema y en el tiempo
help-progress-since = { help-list-since }
help-progress-until = { help-list-until }
help-progress-on = { help-list-on }
help-progress-theme = { help-list-theme }
help-progress-prompt = { help-list-prompt }
help-progress-level = { help-list-level }
help-progress-tag = { help-list-tag }
help-progress-contains = { help-list-contains }
help-progress-exact = { help-list-exact }
help-progress-by = Muestra una fila por período en vez de una fila por tema
help-progress-format = Formato de salida; el JSON contiene solo conteos, nunca el texto de las entradas
help-progress-grid = Muestra las entradas con ámbito por ámbito y profundidad del trabajo conjunto en vez de por tema
help-progress-explain = Explica cada columna y cada medida, y termina
help-progress-window = Largo en días de la ventana reciente que se compara con la anterior
help-progress-group = El grupo (red) que se nombra en el resumen JSON (por defecto: `group` en config.toml)

help-share = Escribe el resumen para compartir con quien forma (solo conteos); en una terminal, muestra lo que contiene y pregunta antes
help-share-output = { help-export-output }
help-share-group = { help-progress-group }

help-report = Escribe tu propio informe, en Markdown o HTML: medidas y gráficos (el texto de las entradas solo con --with-text)
help-report-since = { help-list-since }
help-report-until = { help-list-until }
help-report-on = { help-list-on }
help-report-theme = { help-list-theme }
help-report-prompt = { help-list-prompt }
help-report-level = { help-list-level }
help-report-tag = { help-list-tag }
help-report-contains = { help-list-contains }
help-report-exact = { help-list-exact }
help-report-format = Formato de salida
help-report-with_text = Incluye el texto de las entradas (queda fuera por defecto)
help-report-window = { help-progress-window }
help-report-output = { help-export-output }

help-cohort = Combina los resúmenes `progress --format json` de varios participantes
help-cohort-files = Resúmenes escritos por `reflect progress --format json` o `reflect share`
help-cohort-format = Formato de salida; markdown y html son informes para leer en una reunión
help-cohort-skip_bad = Deja fuera un resumen dañado (y dice cuál) en vez de detenerse
help-cohort-by = Muestra una tabla por grupo y luego la cohorte completa
help-cohort-min_group = El grupo más pequeño que se muestra (3 o más); los grupos más pequeños quedan fuera de todas las tablas y totales
help-cohort-output = { help-export-output }

help-export = Exporta entradas a Markdown o JSON
help-export-since = { help-list-since }
help-export-until = { help-list-until }
help-export-on = { help-list-on }
help-export-theme = { help-list-theme }
help-export-prompt = { help-list-prompt }
help-export-level = { help-list-level }
help-export-tag = { help-list-tag }
help-export-contains = { help-list-contains }
help-export-exact = { help-list-exact }
help-export-format = Formato de salida
help-export-group_by = Cómo se agrupan las secciones en Markdown
help-export-output = Escribe en ARCHIVO (de forma atómica) en vez de la salida estándar

help-import = Importa entradas de una exportación JSON de reflect o de jrnl
help-import-file = Archivo que importar, o - para la entrada estándar
help-import-from = Qué programa escribió el archivo (predeterminado: se reconoce por su contenido)

help-packs = Trabaja con packs de preguntas: listar, mostrar, validar, crear, instalar, quitar

help-packs-list = Lista los packs cargados: id, nombre, idioma, versión, preguntas, de dónde vienen

help-packs-show = Muestra los temas y preguntas de un pack
help-packs-show-id = Id del pack (predeterminado: el pack predeterminado)

help-packs-validate = Valida archivos de pack; muestra ARCHIVO:LÍNEA:COLUMNA de cada problema

help-packs-new = Escribe una plantilla comentada para un pack nuevo
help-packs-new-output = Dónde escribirla (predeterminado: la salida estándar)
help-packs-new-id = Id del pack nuevo
help-packs-new-language = Idioma del pack nuevo (una etiqueta BCP 47 como en o es)

help-packs-install = Valida un pack y lo copia en la carpeta de packs
help-packs-install-force = Reemplaza un pack instalado con el mismo id
help-packs-remove = Quita un pack instalado de la carpeta de packs (los packs incluidos se quedan)
help-packs-remove-id = Id del pack instalado
help-help = Muestra este mensaje o la ayuda de las órdenes indicadas

help-tags = Lista las etiquetas en uso: cuántas entradas, último uso, entradas por ámbito

help-stats = Tu ritmo: entradas por semana, rachas, temas en silencio, un calendario de seis meses
help-stats-format = Formato de salida

help-history = Lista las revisiones de una entrada, con lo que cambió palabra por palabra
help-history-id = Id de la entrada, o cualquier prefijo único de él (también entradas borradas)
help-restore = Recupera una entrada borrada, o un texto anterior, como una revisión nueva
help-restore-id = Id de la entrada, o cualquier prefijo único de él (también entradas borradas)
help-restore-revision = La revisión que recuperar, numerada como en `reflect history` (predeterminado: la última con texto, es decir, la entrada tal como estaba antes de borrarla)
help-drafts = Lista los borradores que quedaron de sesiones del editor que no terminaron en una entrada

help-check = Revisa el diario en busca de líneas dañadas (y las aparta con --repair)
help-check-repair = Mueve las líneas dañadas a un archivo aparte (DIARIO.damaged) y conserva todas las entradas buenas

help-compact = Reescribe el diario sin las revisiones reemplazadas ni las entradas borradas

help-config = Muestra las rutas en uso y de dónde viene cada una

help-completions = Muestra un script de autocompletado para la shell
help-completions-shell = La shell para la que generar el autocompletado

help-man = Muestra la página de manual (roff) en la salida estándar, o escribe una página por orden con --dir
help-man-dir = Escribe reflect.1 y una página por orden (reflect-write.1, ...) en DIR

# Las palabras propias de clap.
help-template = {"{"}before-help{"}"}{"{"}about-with-newline{"}"}
    Uso: {"{"}usage{"}"}
    
    {"{"}all-args{"}"}{"{"}after-help{"}"}
help-heading-options = Opciones
help-heading-arguments = Argumentos
help-heading-commands = Órdenes
