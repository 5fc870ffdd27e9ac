# reflect packs

packs-removed = se quitó el paquete '{ $id }'
packs-removed-builtin-back = se quitó el paquete '{ $id }'; vuelve a usarse el paquete incorporado con ese id
packs-remove-builtin = '{ $id }' es un paquete incorporado: viene con reflect y no se puede quitar (para dejar de usarlo, nombra otro paquete con --pack o con default_pack en el archivo de configuración)
packs-remove-unknown = ningún paquete instalado tiene el id '{ $id }' (mira `reflect packs list`)
packs-remove-default = el archivo de configuración aún nombra '{ $id }' como default_pack ({ $file }); cámbialo
