module.exports = 'quick start';
