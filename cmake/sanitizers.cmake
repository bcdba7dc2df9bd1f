# Sanitizers are switched on by the `dev` preset, never by hand-edited flags.
if(UNKNOT_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
# ThreadSanitizer (the `tsan` preset): the store's writer and reader pool and the server's shared
# state, checked for data races by the server and store tests. Cannot be combined with ASan.
if(UNKNOT_TSAN)
  # Asio uses atomic_thread_fence, which TSan cannot model; GCC says so, which is not our error.
  add_compile_options(-fsanitize=thread -fno-omit-frame-pointer -Wno-tsan)
  add_link_options(-fsanitize=thread)
endif()
# Fuzzing: every library instrumented for libFuzzer's coverage, with the same sanitizers; only
# the fuzz targets link libFuzzer itself (fuzz/CMakeLists.txt).
if(UNKNOT_FUZZ)
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
