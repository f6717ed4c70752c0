# Compiles a theme folder into a static library, so an installed hindsight needs no other files.
set(_EMBED_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/embed_files.cmake)

# embed_theme(target theme_dir [EXTRA name=path ...]): EXTRA files join the theme under `name`,
# for assets that come from elsewhere (lunr.js from node_modules) rather than from the repo, or take
# the place of the theme's file of that name (its minified copy).
# HEADER, NAMESPACE and FUNCTION name another table to fill than the theme's
# (render/embedded_theme.hpp), for other folders compiled in (the postmortem templates).
function(embed_theme target theme_dir)
  cmake_parse_arguments(PARSE_ARGV 2 _arg "" "HEADER;NAMESPACE;FUNCTION" "EXTRA")
  file(GLOB_RECURSE _files CONFIGURE_DEPENDS RELATIVE ${theme_dir} ${theme_dir}/*)
  list(SORT _files)
  set(_out ${CMAKE_CURRENT_BINARY_DIR}/generated/${target}.cpp)
  set(_abs "")
  foreach(f IN LISTS _files)
    list(APPEND _abs ${theme_dir}/${f})
  endforeach()
  foreach(pair IN LISTS _arg_EXTRA)
    string(REGEX REPLACE "^[^=]*=" "" _path "${pair}")
    list(APPEND _abs ${_path})
  endforeach()
  string(REPLACE ";" "|" _extra "${_arg_EXTRA}")
  add_custom_command(
    OUTPUT ${_out}
    COMMAND ${CMAKE_COMMAND} -DTHEME_DIR=${theme_dir} -DEXTRA=${_extra} -DOUTPUT=${_out}
            -DHEADER=${_arg_HEADER} -DNAMESPACE=${_arg_NAMESPACE} -DFUNCTION=${_arg_FUNCTION}
            -P ${_EMBED_SCRIPT}
    DEPENDS ${_abs} ${_EMBED_SCRIPT}
    COMMENT "Embedding theme ${theme_dir}"
    VERBATIM)
  add_library(${target} STATIC ${_out})
  target_include_directories(${target} PRIVATE ${PROJECT_SOURCE_DIR}/generator)
endfunction()
