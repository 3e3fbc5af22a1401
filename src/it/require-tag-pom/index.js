module.exports = 'tagged';
