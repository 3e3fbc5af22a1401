module.exports = 'dry';
