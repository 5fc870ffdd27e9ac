# reflect packs

packs-removed = se quitó el pack "{ $id }"
packs-removed-builtin-back = se quitó el pack "{ $id }"; vuelve a usarse el pack incorporado con ese id
packs-remove-builtin = "{ $id }" es un pack incorporado: viene con reflect y no se puede quitar (para dejar de usarlo, nombra otro pack con --pack o con default_pack en el archivo de configuración)
packs-remove-unknown = ningún pack instalado tiene el id "{ $id }" (mira `reflect packs list`)
packs-remove-default = el archivo de configuración aún nombra "{ $id }" como default_pack ({ $file }); cámbialo

# packs list, show, validate, new, install; buscar packs, temas y preguntas.
packs-col-pack = Pack
packs-col-name = Nombre
packs-col-language = Idioma
packs-col-version = Versión
packs-col-prompts = Preguntas
packs-col-from = Origen
packs-default = (predeterminado)
packs-origin-builtin = incorporado ({ $name })
packs-field-id = id
packs-field-version = versión
packs-field-language = idioma
packs-field-author = autoría
packs-field-from = origen
packs-field-source = fuente
packs-levels = Ámbitos, del establecimiento hacia afuera (escribe el id con --level):
packs-also = también: { $aliases }
packs-themes-count = { $count ->
    [one] 1 tema
   *[other] { $count } temas
}
packs-prompts-count = { $count ->
    [one] 1 pregunta
   *[other] { $count } preguntas
}
packs-problems-count = { $count ->
    [one] 1 problema
   *[other] { $count } problemas
}
packs-contents = { $themes }, { $prompts }:
packs-theme = Tema { $id }: { $title }
packs-prompt = Pregunta { $id }
packs-validate-ok = { $path }: bien ({ $themes }, { $prompts })
packs-note = { $where }: nota: { $message }
packs-new-bad-id = --id "{ $id }" no es un id de pack válido: usa de 1 a 64 caracteres a-z, 0-9, '-' o '_', empezando por una letra o un dígito
packs-new-bad-language = --language "{ $language }" no es una etiqueta de idioma: usa una etiqueta BCP 47 como en, es o es-CL
packs-new-exists = { $path } ya existe; elige otro --output o mueve primero ese archivo
packs-new-wrote = se escribió { $path }: edítalo, revísalo con `reflect packs validate { $path }`, pruébalo con `reflect --pack { $path } prompt` y luego instálalo con `reflect packs install { $path }` o compártelo
packs-not-installed = { $label } no se instaló: tiene { $problems } (arriba)
packs-not-loaded = el pack { $file } tiene { $problems } (arriba); no se cargó
packs-cannot-read-folder = no se puede leer la carpeta de packs { $path }
packs-cannot-create-folder = no se puede crear la carpeta de packs { $path }
packs-cannot-install = no se puede instalar el pack como { $path }
packs-already-installed = ya hay instalado un pack con el id "{ $id }": { $path }; usa --force para reemplazarlo
packs-target-exists = { $path } ya existe (no contiene un pack "{ $id }" válido); usa --force para reemplazarlo
packs-target-holds = { $path } contiene el pack "{ $other }"; muévelo para instalar "{ $id }"
packs-installed = se instaló el pack "{ $id }" (versión { $version }); míralo con `reflect packs show { $id }`
packs-installed-over-builtin = se instaló el pack "{ $id }" (versión { $version }), que tiene prioridad sobre el pack incorporado con ese id; míralo con `reflect packs show { $id }`
packs-unknown-id = ningún pack cargado tiene el id "{ $id }"
packs-unknown-id-loaded = ningún pack cargado tiene el id "{ $id }" (cargados: { $loaded })
packs-none-loaded = no hay ningún pack de preguntas cargado (mira `reflect packs list`)
packs-no-prompt = el pack "{ $pack }" no tiene la pregunta "{ $prompt }"
packs-no-theme = el pack "{ $pack }" no tiene el tema "{ $theme }"
packs-unknown-prompt = ningún pack cargado tiene una pregunta "{ $name }" (mira `reflect packs show`)
packs-unknown-theme = ningún pack cargado tiene un tema "{ $name }" (mira `reflect packs show`)
packs-ambiguous-prompt = el id de pregunta "{ $name }" está en varios packs; nombra uno de: { $choices }
packs-default-not-loaded = el default_pack "{ $id }" del archivo de configuración no es un pack cargado; se usa "{ $using }"
packs-none = ninguno
