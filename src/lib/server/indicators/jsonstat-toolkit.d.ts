// The parts of jsonstat-toolkit (which ships no types) that the importer uses.
declare module 'jsonstat-toolkit' {
	interface Category {
		label: string | null;
	}
	interface Dimension {
		id: string[];
		label: string | null;
		length: number;
		Category(id: string | number): Category | null;
	}
	interface Dataset {
		class: 'dataset';
		id: string[];
		size: number[];
		n: number;
		label: string | null;
		/** One value per cell, in row-major order (null where there is none). */
		value: (number | null)[];
		status: (string | null)[] | null;
		role: {
			time: string[] | null;
			geo: string[] | null;
			metric: string[] | null;
			classification: string[] | null;
		} | null;
		Dimension(id: string | number): Dimension | null;
		Data(index: number): { value: number | null; status: string | null } | null;
	}
	interface Bundle {
		class: 'bundle' | 'collection';
		length: number;
		error: unknown;
		Dataset(index: number): Dataset | null;
	}
	export default function JSONstat(input: unknown): Dataset | Bundle | { class: null; length: 0 };
}
