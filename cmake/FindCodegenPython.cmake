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
foreach(_py IN LISTS _candidates)
  if(EXISTS "${_py}")
    execute_process(COMMAND "${_py}" -c "import google.protobuf, jinja2"
                    RESULT_VARIABLE _rc OUTPUT_QUIET ERROR_QUIET)
    if(_rc EQUAL 0)
      set(CODEGEN_PYTHON_EXECUTABLE "${_py}")
      break()
    endif()
  endif()
endforeach()
if(NOT CODEGEN_PYTHON_EXECUTABLE)
  message(FATAL_ERROR
    "No Python interpreter imports both google.protobuf and jinja2 (tried: ${_candidates}). "
    "Install python3-protobuf and python3-jinja2 (scripts/install-deps.sh does), "
    "or pass -DCODEGEN_PYTHON=/path/to/python3.")
endif()
message(STATUS "Generator Python: ${CODEGEN_PYTHON_EXECUTABLE}")
