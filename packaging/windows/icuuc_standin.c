/* A stand-in for Windows' system icuuc.dll, for building and testing under Wine only.
 *
 * Qt6Core.dll imports ICU's converter functions from the system icuuc.dll, which Windows 10
 * (1903 and later) ships and Wine 8 lacks. Qt only calls them for a codec it does not know
 * itself (never UTF-8 or Latin-1), so here every converter fails to open, as on a system
 * without that codec. Scripts/windows builds this with mingw-w64 into the Wine prefix's
 * system32; it is never part of the bundle or the setup: a real Windows has its own.
 */
#include <stddef.h>
#include <stdint.h>

#define EXPORT __declspec(dllexport)
#define U_FILE_ACCESS_ERROR 4

EXPORT void *ucnv_open(const char *name, int *error) {
    (void)name;
    if (error) *error = U_FILE_ACCESS_ERROR;
    return NULL;
}
EXPORT void ucnv_close(void *converter) { (void)converter; }
EXPORT void ucnv_reset(void *converter) { (void)converter; }
EXPORT int8_t ucnv_getMaxCharSize(const void *converter) { (void)converter; return 1; }
EXPORT const char *ucnv_getName(const void *converter, int *error) {
    (void)converter;
    if (error) *error = U_FILE_ACCESS_ERROR;
    return "";
}
EXPORT const char *ucnv_getStandardName(const char *name, const char *standard, int *error) {
    (void)name; (void)standard;
    if (error) *error = U_FILE_ACCESS_ERROR;
    return NULL;
}
EXPORT int32_t ucnv_countAvailable(void) { return 0; }
EXPORT const char *ucnv_getAvailableName(int32_t index) { (void)index; return NULL; }
EXPORT void ucnv_getToUCallBack(const void *c, void **action, const void **context) {
    (void)c;
    if (action) *action = NULL;
    if (context) *context = NULL;
}
EXPORT void ucnv_getFromUCallBack(const void *c, void **action, const void **context) {
    (void)c;
    if (action) *action = NULL;
    if (context) *context = NULL;
}
EXPORT void ucnv_setToUCallBack(void *c, void *n, const void *nc, void **o, const void **oc,
                                int *error) {
    (void)c; (void)n; (void)nc; (void)o; (void)oc; (void)error;
}
EXPORT void ucnv_setFromUCallBack(void *c, void *n, const void *nc, void **o, const void **oc,
                                  int *error) {
    (void)c; (void)n; (void)nc; (void)o; (void)oc; (void)error;
}
EXPORT void ucnv_toUnicode(void *c, void **target, const void *targetLimit, const char **source,
                           const char *sourceLimit, int32_t *offsets, int8_t flush, int *error) {
    (void)c; (void)target; (void)targetLimit; (void)source; (void)sourceLimit; (void)offsets;
    (void)flush;
    if (error) *error = U_FILE_ACCESS_ERROR;
}
EXPORT void ucnv_fromUnicode(void *c, char **target, const char *targetLimit, const void **source,
                             const void *sourceLimit, int32_t *offsets, int8_t flush, int *error) {
    (void)c; (void)target; (void)targetLimit; (void)source; (void)sourceLimit; (void)offsets;
    (void)flush;
    if (error) *error = U_FILE_ACCESS_ERROR;
}
EXPORT int32_t ucnv_toUCountPending(const void *c, int *error) { (void)c; (void)error; return 0; }
EXPORT int32_t ucnv_fromUCountPending(const void *c, int *error) { (void)c; (void)error; return 0; }
EXPORT void ucnv_cbToUWriteUChars(void *args, const void *source, int32_t length, int32_t offset,
                                  int *error) {
    (void)args; (void)source; (void)length; (void)offset; (void)error;
}
EXPORT void ucnv_cbFromUWriteUChars(void *args, const void **source, const void *sourceLimit,
                                    int32_t offset, int *error) {
    (void)args; (void)source; (void)sourceLimit; (void)offset; (void)error;
}
EXPORT void UCNV_FROM_U_CALLBACK_SUBSTITUTE(const void *context, void *args, const void *units,
                                            int32_t length, int32_t point, int reason,
                                            int *error) {
    (void)context; (void)args; (void)units; (void)length; (void)point; (void)reason; (void)error;
}
EXPORT void UCNV_TO_U_CALLBACK_SUBSTITUTE(const void *context, void *args, const char *units,
                                          int32_t length, int reason, int *error) {
    (void)context; (void)args; (void)units; (void)length; (void)reason; (void)error;
}
