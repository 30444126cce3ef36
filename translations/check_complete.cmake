# Fails when a .ts file (TS) still has an unfinished or empty translation.
file(READ "${TS}" content)
string(FIND "${content}" "type=\"unfinished\"" unfinished)
if(NOT unfinished EQUAL -1)
  message(FATAL_ERROR "${TS} has unfinished translations; translate them (see README, Translations)")
endif()
