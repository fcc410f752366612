# Runs at ctest time (included through TEST_INCLUDE_FILES): asks an ns-3 test runner for
# its suites and adds one CTest test per suite of the module, labelled with the suite type.
function(discover_ns3_suites runner module workdir)
  if(NOT EXISTS "${runner}")
    add_test(${module}-test-runner-missing "${CMAKE_COMMAND}" -E echo
             "test runner ${runner} is not built: build the project first")
    set_tests_properties(${module}-test-runner-missing PROPERTIES WILL_FAIL TRUE)
    return()
  endif()
  execute_process(
    COMMAND "${runner}" --list --print-test-types
    OUTPUT_VARIABLE _out
    RESULT_VARIABLE _rc
  )
  if(NOT _rc EQUAL 0)
    message(WARNING "${runner} --list failed with ${_rc}")
    return()
  endif()
  string(REPLACE "\n" ";" _lines "${_out}")
  foreach(_line ${_lines})
    if(_line MATCHES "^([a-z]+) +(${module}[^ ]*)$")
      set(_type ${CMAKE_MATCH_1})
      set(_suite ${CMAKE_MATCH_2})
      add_test(${_suite} "${runner}" --suite=${_suite} --fullness=EXTENSIVE --verbose)
      set_tests_properties(
        ${_suite} PROPERTIES WORKING_DIRECTORY "${workdir}" LABELS "suite;${_type}"
      )
    endif()
  endforeach()
endfunction()
