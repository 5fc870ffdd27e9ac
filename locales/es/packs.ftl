# reflect packs

packs-removed = se quitó el pack "{ $id }"
packs-removed-builtin-back = se quitó el pack "{ $id }"; vuelve a usarse el pack incorporado con ese id
packs-remove-builtin = "{ $id }" es un pack incorporado: viene con reflect y no se puede quitar (para dejar de usarlo, nombra otro pack con --pack o con default_pack en el archivo de configuración)
packs-remove-unknown = ningún pack instalado tiene el id "{ $id }" (mira `reflect packs list`)
packs-remove-default = el archivo de configuración aún nombra "{ $id }" como default_pack ({ $file }); cámbialo
