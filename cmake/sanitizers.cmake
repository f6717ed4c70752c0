# Sanitizer and fuzzing builds (make asan, make fuzz): instrumentation for every target, so a
# finding in any stage is reported where it happens, and sanitizer defaults for every program.
set(HINDSIGHT_SANITIZE "" CACHE STRING
  "Sanitizers for every target, as -fsanitize takes them: address,undefined (make asan)")
option(HINDSIGHT_FUZZ "Build the libFuzzer targets under fuzz/ (clang; make fuzz)" OFF)

if(HINDSIGHT_SANITIZE)
  # A frame pointer gives whole stack traces cheaply; an undefined-behaviour finding stops the
  # program instead of printing and going on, so a test cannot pass over it; the libstdc++
  # assertions check indexes into strings and vectors that stay inside their capacity, which
  # ASan cannot see.
  add_compile_options(-fsanitize=${HINDSIGHT_SANITIZE} -fno-omit-frame-pointer
    -fno-sanitize-recover=undefined -D_GLIBCXX_ASSERTIONS)
  add_link_options(-fsanitize=${HINDSIGHT_SANITIZE})
  # GCC's manual: "sanitizers tend to increase the rate of false positive warnings, most notably
  # those around -Wmaybe-uninitialized" (here, in libstdc++'s <regex>). The normal build keeps
  # that warning as an error, so only the sanitizer build goes without it.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    add_compile_options(-Wno-maybe-uninitialized)
  endif()
endif()

if(HINDSIGHT_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "HINDSIGHT_FUZZ needs clang (libFuzzer): configure with CXX=clang++")
  endif()
  if(NOT HINDSIGHT_SANITIZE)
    message(FATAL_ERROR "HINDSIGHT_FUZZ needs HINDSIGHT_SANITIZE (address,undefined)")
  endif()
  # Coverage feedback from every library the targets link; only the targets get libFuzzer's main.
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()

# Every executable of the project gets sanitizer_defaults.cpp, so that ctest, a test that runs
# the binary, and a developer running it by hand all get the same sanitizer options. Called once,
# after every target exists.
function(hs_add_sanitizer_defaults)
  if(NOT HINDSIGHT_SANITIZE)
    return()
  endif()
  set(directories ${PROJECT_SOURCE_DIR})
  while(directories)
    list(POP_FRONT directories directory)
    get_property(targets DIRECTORY ${directory} PROPERTY BUILDSYSTEM_TARGETS)
    foreach(target IN LISTS targets)
      get_target_property(type ${target} TYPE)
      get_target_property(fuzzer ${target} HINDSIGHT_FUZZ_TARGET)
      # libFuzzer targets keep libFuzzer's own defaults (it reports through ASan's callbacks).
      if(type STREQUAL "EXECUTABLE" AND NOT fuzzer)
        target_sources(${target} PRIVATE ${PROJECT_SOURCE_DIR}/cmake/sanitizer_defaults.cpp)
      endif()
    endforeach()
    get_property(subdirectories DIRECTORY ${directory} PROPERTY SUBDIRECTORIES)
    list(APPEND directories ${subdirectories})
  endwhile()
endfunction()
