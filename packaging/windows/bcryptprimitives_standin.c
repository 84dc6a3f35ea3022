/* A stand-in for Windows' system bcryptprimitives.dll, for testing under Wine only.
 *
 * Qt6Pdf.dll (Chromium's PDFium) loads bcryptprimitives.dll for its random numbers
 * (ProcessPrng, Windows 10 and later) and stops at a breakpoint when it is missing, as it is
 * in Wine 8: every PDF preview and every page printed through Qt would crash there.
 * ProcessPrng here draws from RtlGenRandom, Windows' older interface to the same generator.
 * Scripts/windows builds this with mingw-w64 into the Wine prefix's system32; it is never part
 * of the bundle or the setup: a real Windows has its own.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length); /* RtlGenRandom, advapi32 */

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
