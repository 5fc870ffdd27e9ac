# Palabras que usan varias órdenes.

entries-count = { $count ->
    [one] { $count } entrada
   *[other] { $count } entradas
}
warning = aviso: { $message }

# De dónde viene un ajuste (lo muestra `reflect config`).
source-flag = línea de órdenes
source-env = entorno ({ $name })
source-config-file = archivo de configuración
source-system = configuración regional del sistema
source-default = predeterminado

language-en = inglés
language-es = español
