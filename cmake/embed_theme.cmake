# Compiles a theme folder into a static library, so an installed hindsight needs no other files.
set(_EMBED_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/embed_files.cmake)

function(embed_theme target theme_dir)
  file(GLOB_RECURSE _files CONFIGURE_DEPENDS RELATIVE ${theme_dir} ${theme_dir}/*)
  list(SORT _files)
  set(_out ${CMAKE_CURRENT_BINARY_DIR}/generated/${target}.cpp)
  set(_abs "")
  foreach(f IN LISTS _files)
    list(APPEND _abs ${theme_dir}/${f})
  endforeach()
  add_custom_command(
    OUTPUT ${_out}
    COMMAND ${CMAKE_COMMAND} -DTHEME_DIR=${theme_dir} -DOUTPUT=${_out} -P ${_EMBED_SCRIPT}
    DEPENDS ${_abs} ${_EMBED_SCRIPT}
    COMMENT "Embedding theme ${theme_dir}"
    VERBATIM)
  add_library(${target} STATIC ${_out})
  target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR}/generator)
endfunction()
