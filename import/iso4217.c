/*
 * iso4217.c: the ISO 4217 list of current currency codes (list one, 2025),
 * less what is not a national currency: precious metals (XAU, XAG, XPD,
 * XPT), the IMF's and other units of account (XDR, XSU, XUA, XBA-XBD), the
 * testing and "no currency" codes (XTS, XXX) and the fund codes (BOV, CHE,
 * CHW, CLF, COU, MXV, USN, UYI, UYW). Codes in transition (ANG and XCG,
 * SLL and SLE, ZWL and ZWG, CUC) are both kept: bills of the last months
 * carry either.
 */
#include "iso4217.h"

#include <stdlib.h>
#include <string.h>

/* Sorted, for bsearch. */
static const char national[][4] = {
	"AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN",
	"BAM", "BBD", "BDT", "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BRL",
	"BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHF", "CLP", "CNY",
	"COP", "CRC", "CUC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD",
	"EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP",
	"GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS",
	"INR", "IQD", "IRR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS", "KHR",
	"KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD",
	"LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU",
	"MUR", "MVR", "MWK", "MXN", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK",
	"NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG",
	"QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK",
	"SGD", "SHP", "SLE", "SLL", "SOS", "SRD", "SSP", "STN", "SVC", "SYP",
	"SZL", "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS",
	"UAH", "UGX", "USD", "UYU", "UZS", "VED", "VES", "VND", "VUV", "WST",
	"XAF", "XCD", "XCG", "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWG", "ZWL",
};

static int compare_code(const void *a, const void *b)
{
	return memcmp(a, b, 3);
}

int iso4217_is_national(const char *s, size_t n)
{
	return n == 3 && bsearch(s, national, sizeof national / sizeof national[0],
				 sizeof national[0], compare_code) != NULL;
}
