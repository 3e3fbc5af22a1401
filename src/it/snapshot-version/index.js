module.exports = 'snapshot';
