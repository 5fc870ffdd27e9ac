# reflect checkin: quien lidera califica su red (issue 17). Cada paso de cada escala
# es una línea; `step` es el número que se escribe (1 a 4).

checkin-part-organising = Organización de la red
checkin-part-conditions = Condiciones para la acción conjunta
checkin-part-session = Las sesiones de la red

checkin-scale-purpose = propósito
checkin-scale-structure = estructura
checkin-scale-processes = procesos
checkin-scale-collaboration = colaboración
checkin-scale-reciprocity = reciprocidad
checkin-scale-trust = confianza
checkin-scale-focus = foco pedagógico
checkin-scale-agenda = agenda
checkin-scale-working_share = trabajo conjunto
checkin-scale-convener = convocatoria
checkin-scale-stage = etapa

checkin-ask-purpose = Propósito compartido: ¿qué mueve a los establecimientos a trabajar juntos?
checkin-ask-structure = Estructura: roles, calendario y forma de reunirse
checkin-ask-processes = Procesos: cómo la red planifica, trabaja y hace seguimiento
checkin-ask-collaboration = Colaboración entre los establecimientos
checkin-ask-reciprocity = Reciprocidad: dar y recibir
checkin-ask-trust = Confianza entre los miembros
checkin-ask-focus = Foco: cuánto del tiempo de la red va a la enseñanza y el aprendizaje en los establecimientos
checkin-ask-agenda = ¿Quién define la agenda de las sesiones?
checkin-ask-working_share = En la última sesión, ¿cuánto del tiempo fue trabajo conjunto y no solo información?
checkin-ask-convener = ¿Quién convoca la red?
checkin-ask-stage = ¿En qué etapa de desarrollo está la red?
checkin-ask-note = Una nota para ti (queda solo en tu diario; Enter la salta):

checkin-step-purpose = { $step ->
    [1] Lo define quien convoca; los miembros lo reciben
    [2] Se conversa en la red, pero aún no se acuerda
    [3] Los miembros lo acordaron y quedó por escrito
   *[4] Los miembros lo hacen suyo y orienta las decisiones de la red
}
checkin-step-structure = { $step ->
    [1] No hay nada acordado: la red se reúne cuando la citan
    [2] Hay calendario, pero los roles y responsabilidades no están claros
    [3] Roles, calendario y forma de reunirse están acordados
   *[4] La estructura acordada funciona y los miembros la ajustan en conjunto
}
checkin-step-processes = { $step ->
    [1] No hay una forma común de planificar ni de hacer seguimiento
    [2] Hay algunas rutinas, que se usan de manera desigual
    [3] Hay rutinas comunes para planificar, trabajar y dar seguimiento a los acuerdos
   *[4] Todos usan las rutinas y las revisan para mejorarlas
}
checkin-step-collaboration = { $step ->
    [1] Cada establecimiento informa sobre su propio trabajo
    [2] Los establecimientos intercambian experiencias y materiales
    [3] Los establecimientos trabajan juntos en tareas comunes
   *[4] Los establecimientos diseñan e implementan mejoras juntos y comparten la responsabilidad
}
checkin-step-reciprocity = { $step ->
    [1] Unos pocos aportan, la mayoría recibe
    [2] Los miembros aportan cuando se les pide
    [3] Cada establecimiento aporta y también se beneficia
   *[4] Ofrecer y pedir ayuda es la forma de trabajar de todos
}
checkin-step-trust = { $step ->
    [1] Hay cautela: los problemas no se muestran
    [2] Se comparten los logros, rara vez las dificultades
    [3] Las dificultades se conversan abiertamente
   *[4] Los miembros abren sus establecimientos y su práctica a los demás (visitas, retroalimentación honesta)
}
checkin-step-focus = { $step ->
    [1] Las sesiones son sobre todo administrativas o informativas
    [2] Algo de tiempo va a lo pedagógico; poco llega a los establecimientos
    [3] La mayor parte del tiempo va a la enseñanza y el aprendizaje en los establecimientos
   *[4] Lo pedagógico guía la agenda y el trabajo llega a las salas de clases
}
checkin-step-agenda = { $step ->
    [1] Quien convoca, por su cuenta
    [2] Quien convoca, con aportes de los miembros
    [3] Quien convoca y los miembros, en conjunto
   *[4] Los miembros, por turnos
}
checkin-step-working_share = { $share ->
    [0] Nada: toda la sesión fue información
    [25] Cerca de un cuarto
    [50] Cerca de la mitad
    [75] Cerca de tres cuartos
   *[100] Todo: la sesión completa fue trabajo conjunto
}
checkin-convener = { $convener ->
    [supervisor] La supervisora o el supervisor del Mineduc
    [sostenedor] El sostenedor o el SLEP (DAEM/DEM, corporación municipal)
    [directivos] Los equipos directivos, por turnos
   *[other] Otra persona o institución
}

checkin-intro = Estado de la red ({ $network }): ¿cómo funciona hoy tu red? Cada paso está descrito; escribe su número. Enter salta una pregunta; ? significa que no sabes.
checkin-hint-step = Tu respuesta para { $question } (1-4, ? no sé, Enter la salta):
checkin-hint-share = Tu respuesta para { $question } (0, 25, 50, 75 o 100, ? no sé, Enter la salta):
checkin-hint-choice = Tu respuesta para { $question } (número o id, ? no sé, Enter la salta):
checkin-not-a-choice = '{ $answer }' no es una de las opciones; inténtalo de nuevo (Enter la salta).
checkin-dont-know = no sé

checkin-saved = Estado de la red guardado para el { $date }: { $answered ->
    [one] 1 respuesta
   *[other] { $answered } respuestas
}{ $unknown ->
    [0] {""}
   *[other] {" "}({ $unknown } no sé)
}.
checkin-nothing = No se guardó nada: el estado de la red necesita al menos una respuesta (un valor, o ? si no sabes).
checkin-needs-answers = el estado de la red necesita al menos una respuesta: usa --purpose, --structure, --processes, --collaboration, --reciprocity, --trust, --focus, --working-share, --agenda, --convener o --stage
checkin-needs-terminal = checkin hace sus preguntas en una terminal; sin terminal, da las respuestas con opciones (p. ej. --purpose 3 --trust 2; ver `reflect checkin --help`)
checkin-bad-step = { $flag }: '{ $value }' no es un valor válido; usa 1, 2, 3 o 4 (o ? o 0 si no sabes)
checkin-bad-share = { $flag }: '{ $value }' no es un valor válido; usa 0, 25, 50, 75 o 100 (o ? si no sabes)
checkin-bad-convener = { $flag }: '{ $value }' no es un valor válido; usa supervisor, sostenedor, directivos u other (o ? si no sabes)
checkin-bad-stage = { $flag }: '{ $value }' no es una etapa del paquete '{ $pack }'; usa una de { $choices } (o ? si no sabes)
checkin-no-stages = { $flag }: el paquete '{ $pack }' no define etapas de desarrollo ([[stages]]); un paquete de quien forma puede agregarlas

checkin-latest = Último estado de la red ({ $date }):
checkin-changes = Cambios desde el estado del { $date }:
checkin-no-changes = Ninguna respuesta cambió desde el estado del { $date }.
checkin-change = { $question } { $from } → { $to }
checkin-changes-caption = Un cambio no es un puntaje: una red puede moverse con razón en cualquier sentido.
checkin-share-value = { $share } %
checkin-count = { $count ->
    [one] 1 estado de la red hasta ahora.
   *[other] { $count } estados de la red hasta ahora.
}
checkin-offer = Tu último estado de la red fue hace { $days } días.
checkin-offer-first = Todavía no has calificado tu red.

packs-stages = Etapas de una red, la primera primero (las pregunta `reflect checkin`; escribe el id con --stage):
home-menu-checkin = [w] escribir · [c] estado de la red · [l] listar · [p] progreso · [q] salir:{" "}

checkin-cohort-title = Estado de las redes por grupo: la mediana y el rango de cada respuesta. Un grupo se muestra desde { $min } participantes con estado de la red; una respuesta, desde { $min } respuestas.
checkin-cohort-group = { $group } ({ $count } participantes con estado de la red)
checkin-cohort-no-group = (sin grupo)
checkin-cohort-held-back = { $group }: no se muestra ({ $count ->
    [one] 1 participante
   *[other] { $count } participantes
} con estado de la red; se necesitan al menos { $min })
checkin-cohort-row = mediana { $median }, rango { $low } a { $high } ({ $answered } respuestas)
checkin-cohort-row-held = no se muestra ({ $answered } respuestas; se necesitan al menos { $min })

checkin-chart-title = Estado de las redes por grupo: mediana y rango de cada respuesta (1 a 4)
checkin-chart-group = Grupo
checkin-chart-answer = Respuesta
checkin-chart-median = Mediana
checkin-chart-range = Rango

# Por qué no se puede leer una línea guardada de un estado de la red (tras "se omitió una línea dañada").
checkin-line-unknown-kind = tipo de registro desconocido "{ $kind }"
checkin-line-no-field = un estado de la red sin "{ $field }"
checkin-line-value-and-dont-know = "{ $id }" tiene un valor y también está en "dont_know"
checkin-line-bad-step = "{ $id }" vale { $step }, no de 1 a 4
checkin-line-bad-share = "working_share" vale { $share }, no 0, 25, 50, 75 o 100
checkin-line-bad-stage = "{ $stage }" no es un id de etapa
checkin-line-unknown-question = "dont_know" nombra una pregunta que no existe: "{ $id }"
checkin-line-unreadable = no es un estado de la red legible: { $error }

# El check_in de un resumen que no se puede leer (reflect cohort).
checkin-summary-not-object = check_in no es un objeto JSON
checkin-summary-no-date = check_in no tiene una "date" legible
checkin-summary-bad-pack = el "pack" de check_in no es un id de paquete
checkin-summary-dont-know-item = el "dont_know" de check_in contiene algo que no es texto
checkin-summary-dont-know-list = el "dont_know" de check_in no es una lista
checkin-summary-out-of-range = el "{ $key }" de check_in vale { $value }, fuera de rango
checkin-summary-bad-convener = el "convener" de check_in vale { $value }, que no es un convocante
checkin-summary-bad-stage = el "stage" de check_in vale { $value }, que no es un id de etapa
