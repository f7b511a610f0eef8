# Finds a Python interpreter that can run the generator: it must import
# google.protobuf and jinja2. `python3` on PATH may be a build without them
# (pyenv), while Debian's python3-protobuf and python3-jinja2 serve
# /usr/bin/python3, so every candidate is tried and the first that works wins.
set(_candidates ${CODEGEN_PYTHON} /usr/bin/python3)
find_program(_path_python3 NAMES python3)
if(_path_python3)
  list(APPEND _candidates ${_path_python3})
endif()
set(CODEGEN_PYTHON_EXECUTABLE "")
set(_tried "")
foreach(_py IN LISTS _candidates)
  if(EXISTS "${_py}")
    # Prints the modules this interpreter lacks, so the error can name them.
    execute_process(COMMAND "${_py}" -c
                    "import importlib.util as u; print(' '.join(m for m in ('google.protobuf', 'jinja2') if u.find_spec(m.split('.')[0]) is None or (m == 'google.protobuf' and u.find_spec(m) is None)))"
                    RESULT_VARIABLE _rc OUTPUT_VARIABLE _missing ERROR_QUIET OUTPUT_STRIP_TRAILING_WHITESPACE)
    if(_rc EQUAL 0 AND _missing STREQUAL "")
      set(CODEGEN_PYTHON_EXECUTABLE "${_py}")
      break()
    endif()
    if(NOT _rc EQUAL 0)
      set(_missing "(does not run)")
    endif()
    list(APPEND _tried "${_py} lacks ${_missing}")
  endif()
endforeach()
if(NOT CODEGEN_PYTHON_EXECUTABLE)
  list(JOIN _tried "; " _tried)
  message(FATAL_ERROR
    "No Python interpreter imports both google.protobuf and jinja2: ${_tried}. "
    "Install python3-protobuf and python3-jinja2 (scripts/install-deps.sh does), "
    "or pass -DCODEGEN_PYTHON=/path/to/python3.")
endif()
# Cached, so pgwidgets_add_widgets() sees it from a parent project too.
set(CODEGEN_PYTHON_EXECUTABLE "${CODEGEN_PYTHON_EXECUTABLE}" CACHE INTERNAL "")
message(STATUS "Generator Python: ${CODEGEN_PYTHON_EXECUTABLE}")
