module.exports = 'beta';
