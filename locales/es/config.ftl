# reflect config

config-journal = diario:          { $path }  ({ $source })
config-file = configuración:   { $path }  ({ $source })
config-file-missing = configuración:   { $path }  ({ $source }, aún no creado)
config-packs = carpeta de packs: { $path }  ({ $source })
config-drafts = borradores:      { $path }
config-editor = editor:          { $editor }
config-no-editor = editor:          (ninguno: $VISUAL y $EDITOR no están definidas)
config-language = idioma:          { $lang } ({ $name })  ({ $source })
config-language-unknown = idioma:          { $lang } ({ $name })  ({ $source }: "{ $asked }" no es un idioma que reflect hable)
config-file-unusable = { $error } (las rutas de arriba no tienen en cuenta sus ajustes)
config-bad-now = REFLECT_NOW debe ser un momento RFC 3339, como 2026-11-23T09:00:00-03:00, no "{ $value }"
config-now-year = REFLECT_NOW: { $error }

# Errores al leer la configuración.
config-no-config-folder = no se encuentra la carpeta de configuración del usuario (¿está definida HOME?)
config-no-data-folder = no se encuentra la carpeta de datos del usuario (¿está definida HOME?)
config-cannot-read = no se puede leer el archivo de configuración { $path }
config-ask-unknown = { $at }: `ask` nombra "{ $key }", que no es una pregunta (usa level, from, depth)
