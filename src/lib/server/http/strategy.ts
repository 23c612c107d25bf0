import type { ApiStrategy } from '../../schemas/strategy-api.ts';
import type { StrategyView } from '../strategy/index.ts';

/** The strategy as the public API shows it. */
export function toApiStrategy(view: StrategyView): ApiStrategy {
	return {
		slug: view.slug,
		lang: view.locale,
		title: view.title,
		period: view.period,
		...(view.adopted ? { adopted: view.adopted } : {}),
		municipality: { name: view.municipality.name, code: view.municipality.code },
		vision: view.vision.statement,
		untranslated: view.untranslated,
		guideposts: view.guideposts.map((g) => ({
			slug: g.slug,
			number: g.number,
			title: g.title,
			intro: g.intro.join('\n\n'),
			ambitions: g.ambitions,
			actions: g.actions,
			indicators: g.indicators.map((i) => ({
				code: i.code,
				title: i.title,
				direction: i.direction
			}))
		}))
	};
}
