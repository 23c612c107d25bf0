// Media: uploaded images, checked by their content (not their name or declared type), bounded
// in size and pixels, and re-encoded before anything is stored or served.
export { storeImage, readImage, ImageRejectedError, IMAGE_LIMITS } from './images.ts';
