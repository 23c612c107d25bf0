// DKFDS 11 keeps room on an alert's left for an icon of its kind; without one the room stays
// empty. These are the icons the dkfds package ships (dist/img/svg-icons), drawn inline so they
// need no request. They are decorative: the heading and the text say what the alert is about.
import error from '$dkfds/img/svg-icons/error.svg?raw';
import info from '$dkfds/img/svg-icons/info.svg?raw';
import success from '$dkfds/img/svg-icons/success.svg?raw';
import warning from '$dkfds/img/svg-icons/warning.svg?raw';

export type AlertVariant = 'info' | 'warning' | 'error' | 'success';

const decorative = (svg: string) =>
	svg.replace('<svg ', '<svg class="icon-svg alert-icon" aria-hidden="true" focusable="false" ');

const ICONS: Record<AlertVariant, string> = {
	info: decorative(info),
	warning: decorative(warning),
	error: decorative(error),
	success: decorative(success)
};

/** The alert's icon as SVG markup, for `{@html}` (static: the package's own files). */
export const alertIcon = (variant: AlertVariant): string => ICONS[variant];
