// What the directory's tests share.

/** An offer's place at Aalborg Katedralskole, with the coordinates the tests search near. */
export const KATEDRALSKOLEN = {
	name: 'Aalborg Katedralskole',
	address: 'Sankt Jørgens Gade 5',
	postalCode: '9000',
	city: 'Aalborg',
	latitude: 57.04808,
	longitude: 9.91134
};
