# Sanitizers are switched on by the `dev` preset, never by hand-edited flags.
if(UNKNOT_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
