# Sanitizers are switched on by the `dev` preset, never by hand-edited flags.
if(UNKNOT_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
# Fuzzing: every library instrumented for libFuzzer's coverage, with the same sanitizers; only
# the fuzz targets link libFuzzer itself (fuzz/CMakeLists.txt).
if(UNKNOT_FUZZ)
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
