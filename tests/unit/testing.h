/* testing.h: what every cmocka unit test includes. */
#ifndef PARLEY_TESTING_H
#define PARLEY_TESTING_H
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#endif
